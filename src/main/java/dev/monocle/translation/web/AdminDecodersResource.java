package dev.monocle.translation.web;

import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.translation.internal.DecoderAdministration;
import dev.monocle.translation.internal.DecoderAdministration.NodeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The decoder pool: platform admins list, register, drain and remove nodes. */
@Path("api/v1/admin/decoders")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.PLATFORM_ADMIN)
@ApplicationScoped
public class AdminDecodersResource {

  @Inject DecoderAdministration administration;

  /** A node to register: its base address, kind and (Monocle nodes) API key. */
  public record Register(String url, String kind, String apiKey) {}

  /** The pool, as every list of the API: {@code items} and {@code next_cursor} (one page). */
  @GET
  public Page<NodeView> list() {
    return new Page<>(administration.list(), null);
  }

  @GET
  @Path("{id}")
  public NodeView get(@PathParam("id") String id) {
    return administration.get(id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(Register body) {
    if (body == null) {
      throw ProblemException.validation(List.of(new FieldError("url", "is required")));
    }
    NodeView node = administration.register(body.url(), body.kind(), body.apiKey());
    return Response.created(URI.create("/api/v1/admin/decoders/" + node.id())).entity(node).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  public NodeView change(@PathParam("id") String id, JsonObject body) {
    // read as JSON-P: JSON-B would turn "yes" or 1 into false and undrain a node by accident
    JsonValue drained = body == null ? null : body.get("drained");
    if (drained == null
        || body.size() != 1
        || (drained != JsonValue.TRUE && drained != JsonValue.FALSE)) {
      throw ProblemException.validation(
          List.of(new FieldError("drained", "must be true or false (the only field)")));
    }
    return administration.drain(id, drained == JsonValue.TRUE);
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
    administration.remove(id);
    return Response.noContent().build();
  }
}
