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

/** Tenants: platform admins only. */
@Path("api/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(roles = Role.PLATFORM_ADMIN)
@ApplicationScoped
public class AdminTenantsResource {

  @Inject Administration admin;
  @Inject CurrentCaller current;

  @GET
  public Page<Administration.TenantView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return admin.tenants(Page.Request.of(limit, cursor));
  }

  @POST
  public Response create(@Valid @NotNull AuthRequests.NewTenant body) {
    Administration.TenantView created =
        admin.createTenant(current.caller(), body.slug(), body.name());
    return Response.created(URI.create("/api/v1/admin/tenants/" + created.id()))
        .tag(ETags.of(created.version()))
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    Administration.TenantView tenant = admin.tenant(id);
    return Response.ok(tenant).tag(ETags.of(tenant.version())).build();
  }

  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull AuthRequests.TenantChange body) {
    Administration.TenantView tenant =
        admin.patchTenant(current.caller(), id, ETags.parse(ifMatch), body.name(), body.status());
    return Response.ok(tenant).tag(ETags.of(tenant.version())).build();
  }
}
