package dev.monocle.auth.web;

import dev.monocle.auth.internal.Administration;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.Page;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** API keys of a tenant; the key itself is shown once, at creation or rotation. */
@Path("api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(roles = Role.TENANT_ADMIN)
@ApplicationScoped
public class AdminApiKeysResource {

  @Inject Administration admin;
  @Inject CurrentCaller current;

  @GET
  public Page<Administration.ApiKeyView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return admin.apiKeys(current.caller(), Page.Request.of(limit, cursor));
  }

  @POST
  public Response create(@Valid @NotNull AuthRequests.NewApiKey body) {
    Administration.IssuedApiKey key =
        admin.createApiKey(
            current.caller(), body.tenant(), body.name(), body.scopes(), body.expiresInDays());
    return Response.created(URI.create("/api/v1/admin/api-keys/" + key.id())).entity(key).build();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id) {
    admin.revokeApiKey(current.caller(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/rotate")
  public Response rotate(@PathParam("id") String id) {
    Administration.IssuedApiKey key = admin.rotateApiKey(current.caller(), id);
    return Response.created(URI.create("/api/v1/admin/api-keys/" + key.id())).entity(key).build();
  }
}
