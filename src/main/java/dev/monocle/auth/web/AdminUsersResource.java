package dev.monocle.auth.web;

import dev.monocle.auth.internal.Administration;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.ETags;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Users and their roles: tenant admins in their own tenant, platform admins everywhere. */
@Path("api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(roles = Role.TENANT_ADMIN)
@ApplicationScoped
public class AdminUsersResource {

  @Inject Administration admin;
  @Inject CurrentCaller current;

  @GET
  @Path("users")
  public Page<Administration.UserView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return admin.users(current.caller(), Page.Request.of(limit, cursor));
  }

  @POST
  @Path("users")
  public Response create(@Valid @NotNull AuthRequests.NewUser body) {
    Administration.UserView user =
        admin.createUser(
            current.caller(),
            body.tenant(),
            body.username(),
            body.email(),
            body.password(),
            body.roles());
    return Response.created(URI.create("/api/v1/admin/users/" + user.id()))
        .tag(ETags.of(user.version()))
        .entity(user)
        .build();
  }

  @GET
  @Path("users/{id}")
  public Response get(@PathParam("id") String id) {
    Administration.UserView user = admin.user(current.caller(), id);
    return Response.ok(user).tag(ETags.of(user.version())).build();
  }

  @PATCH
  @Path("users/{id}")
  public Response patch(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull AuthRequests.UserChange body) {
    Administration.UserView user =
        admin.patchUser(
            current.caller(),
            id,
            ETags.parse(ifMatch),
            body.roles(),
            body.disabled(),
            body.email());
    return Response.ok(user).tag(ETags.of(user.version())).build();
  }

  @DELETE
  @Path("users/{id}/sessions")
  public Response revokeSessions(@PathParam("id") String id) {
    admin.revokeSessions(current.caller(), id);
    return Response.noContent().build();
  }

  @DELETE
  @Path("users/{id}/mfa")
  public Response resetMfa(@PathParam("id") String id) {
    admin.resetMfa(current.caller(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("role-assignments")
  public Page<Administration.RoleAssignmentView> roleAssignments(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return admin.roleAssignments(current.caller(), Page.Request.of(limit, cursor));
  }
}
