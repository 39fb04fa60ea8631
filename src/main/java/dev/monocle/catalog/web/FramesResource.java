package dev.monocle.catalog.web;

import dev.monocle.catalog.internal.Frame;
import dev.monocle.catalog.internal.FrameCatalog;
import dev.monocle.catalog.internal.FrameImport;
import dev.monocle.catalog.internal.FrameInput;
import dev.monocle.catalog.internal.FrameQuery;
import dev.monocle.catalog.internal.ImportRows;
import dev.monocle.platform.ETags;
import dev.monocle.platform.Page;
import dev.monocle.platform.StrictUtf8;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The frame catalog: search, CRUD with ETags, bulk import and localization. */
@Path("api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Allow(
    roles = {Role.CATALOG_EDITOR, Role.TENANT_ADMIN},
    scopes = Scope.CATALOG_WRITE)
@ApplicationScoped
public class FramesResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  @Inject FrameCatalog catalog;
  @Inject FrameImport imports;

  @GET
  @Path("frames")
  @Allow(
      roles = {Role.VIEWER, Role.CATALOG_EDITOR, Role.TENANT_ADMIN},
      scopes = {Scope.CATALOG_READ, Scope.CATALOG_WRITE})
  public Page<Frame> search(@Context UriInfo uri) {
    QueryParameters params =
        QueryParameters.of(
            uri,
            "q",
            "brand",
            "shape",
            "material",
            "color",
            "frame_type",
            "gender",
            "size",
            "face_shape",
            "min_price",
            "max_price",
            "in_stock",
            "status",
            "sort",
            "lang",
            "limit",
            "cursor");
    Page.Request page = Page.Request.of(params.integer("limit"), params.values().get("cursor"));
    return catalog.search(FrameQuery.parse(params.values()), page);
  }

  @POST
  @Path("frames")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(FrameInput body) {
    FrameCatalog.Versioned created = catalog.create(body);
    return Response.created(URI.create("/api/v1/catalog/frames/" + created.frame().id()))
        .tag(ETags.of(created.version()))
        .entity(created.frame())
        .build();
  }

  @GET
  @Path("frames/{id}")
  @Allow(
      roles = {Role.VIEWER, Role.CATALOG_EDITOR, Role.TENANT_ADMIN},
      scopes = {Scope.CATALOG_READ, Scope.CATALOG_WRITE})
  public Response get(@PathParam("id") String id, @Context UriInfo uri) {
    QueryParameters params = QueryParameters.of(uri, "lang");
    return ok(catalog.get(id, FrameQuery.lang(params.values().get("lang"))));
  }

  @PUT
  @Path("frames/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, FrameInput body) {
    return ok(catalog.replace(id, ETags.parse(ifMatch), body));
  }

  @PATCH
  @Path("frames/{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
    return ok(catalog.patch(id, ETags.parse(ifMatch), JsonBodies.object(body)));
  }

  @DELETE
  @Path("frames/{id}")
  public Response archive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    catalog.archive(id, ETags.parse(ifMatch));
    return Response.noContent().build();
  }

  @POST
  @Path("frames:import")
  @Consumes({MediaType.APPLICATION_JSON, "text/csv"})
  public FrameImport.Report importFrames(
      @HeaderParam("Content-Type") String contentType, byte[] body) {
    String text = StrictUtf8.decode(body);
    boolean csv = contentType != null && contentType.toLowerCase().startsWith("text/csv");
    return imports.run(csv ? ImportRows.fromCsv(text) : ImportRows.fromJson(text));
  }

  @POST
  @Path("frames/{id}/localize")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response localize(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull CatalogRequests.Localize body) {
    return ok(catalog.localize(id, ETags.parse(ifMatch), body.sourceOrDefault(), body.languages()));
  }

  private static Response ok(FrameCatalog.Versioned frame) {
    return Response.ok(frame.frame()).tag(ETags.of(frame.version())).build();
  }
}
