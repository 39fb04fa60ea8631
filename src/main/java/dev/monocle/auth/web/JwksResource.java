package dev.monocle.auth.web;

import dev.monocle.auth.internal.SigningKeys;
import dev.monocle.platform.access.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The public signing keys: current, upcoming and recently retired. */
@Path(".well-known/jwks.json")
@ApplicationScoped
public class JwksResource {

  @Inject SigningKeys keys;

  @GET
  @Public
  @Produces({"application/jwk-set+json", "application/json"})
  public Response jwks() {
    return Response.ok(keys.jwksJson()).header("Cache-Control", "public, max-age=60").build();
  }
}
