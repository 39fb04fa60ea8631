package dev.monocle.catalog.web;

import dev.monocle.catalog.internal.CustomerInput;
import dev.monocle.catalog.internal.CustomerView;
import dev.monocle.catalog.internal.Customers;
import dev.monocle.platform.ETags;
import dev.monocle.platform.Page;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Customers (personal data): tenant admins read and write them, catalog editors read masked values,
 * the data subject's export and erasure are tenant admin actions. Responses are never cached (the
 * platform marks {@code /api/v1/customers} no-store).
 */
@Path("api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.TENANT_ADMIN, scopes = Scope.CUSTOMERS_WRITE)
@ApplicationScoped
public class CustomersResource {

  @Inject Customers customers;

  @GET
  @Allow(
      roles = {Role.TENANT_ADMIN, Role.CATALOG_EDITOR},
      scopes = Scope.CUSTOMERS_READ)
  public Page<CustomerView> list(@Context UriInfo uri) {
    QueryParameters params = QueryParameters.of(uri, "email", "limit", "cursor");
    return customers.list(
        params.values().get("email"),
        Page.Request.of(params.integer("limit"), params.values().get("cursor")));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CustomerInput body) {
    Customers.Versioned created = customers.create(body);
    return Response.created(URI.create("/api/v1/customers/" + created.customer().id()))
        .tag(ETags.of(created.version()))
        .entity(created.customer())
        .build();
  }

  @GET
  @Path("{id}")
  @Allow(
      roles = {Role.TENANT_ADMIN, Role.CATALOG_EDITOR},
      scopes = Scope.CUSTOMERS_READ)
  public Response get(@PathParam("id") String id) {
    Customers.Versioned found = customers.get(id);
    return Response.ok(found.customer()).tag(ETags.of(found.version())).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, FramesResource.MERGE_PATCH})
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
    Customers.Versioned changed =
        customers.patch(id, ETags.parse(ifMatch), JsonBodies.object(body));
    return Response.ok(changed.customer()).tag(ETags.of(changed.version())).build();
  }

  @DELETE
  @Path("{id}")
  public Response erase(@PathParam("id") String id) {
    customers.erase(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/export")
  @Allow(roles = Role.TENANT_ADMIN)
  public CustomerView export(@PathParam("id") String id) {
    return customers.export(id);
  }
}
