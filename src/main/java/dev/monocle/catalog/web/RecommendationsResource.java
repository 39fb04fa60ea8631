package dev.monocle.catalog.web;

import dev.monocle.catalog.internal.Recommendations;
import dev.monocle.catalog.internal.SizeGuide;
import dev.monocle.catalog.internal.Vocabulary;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.catalog.internal.Vocabulary.Material;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.catalog.internal.Vocabulary.Term;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Face-shape recommendations and the size guide. */
@Path("api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RecommendationsResource {

  @Inject Recommendations recommendations;

  @POST
  @Path("recommendations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allow(
      roles = {Role.VIEWER, Role.CATALOG_EDITOR, Role.TENANT_ADMIN},
      scopes = Scope.RECOMMEND)
  public Map<String, List<Recommendations.Item>> recommend(
      @Valid @NotNull CatalogRequests.Recommend body) {
    return Map.of("items", recommendations.recommend(request(body)));
  }

  @GET
  @Path("size-guide")
  @Allow(
      anyUser = true,
      scopes = {Scope.CATALOG_READ, Scope.CATALOG_WRITE, Scope.RECOMMEND})
  public SizeGuide sizeGuide() {
    return SizeGuide.STANDARD;
  }

  private static Recommendations.Request request(CatalogRequests.Recommend body) {
    List<FieldError> errors = new ArrayList<>();
    FaceShape face = Vocabulary.parse(FaceShape.class, body.faceShape()).orElse(null);
    if (face == null) {
      errors.add(new FieldError("face_shape", Vocabulary.oneOf(FaceShape.class)));
    }
    CatalogRequests.Preferences p =
        body.preferences() == null
            ? new CatalogRequests.Preferences(null, null, null, null, null)
            : body.preferences();
    Set<Shape> shapes = terms(errors, "preferences.shapes", Shape.class, p.shapes());
    Set<Material> materials = terms(errors, "preferences.materials", Material.class, p.materials());
    if (p.minPrice() != null && p.maxPrice() != null && p.minPrice().compareTo(p.maxPrice()) > 0) {
      errors.add(new FieldError("preferences.min_price", "must not be above max_price"));
    }
    if (body.limit() != null && (body.limit() < 1 || body.limit() > 50)) {
      errors.add(new FieldError("limit", "must be between 1 and 50"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    Set<String> colors = new TreeSet<>();
    p.colors().forEach(c -> colors.add(c.toLowerCase(java.util.Locale.ROOT)));
    return new Recommendations.Request(
        face,
        body.faceWidthMm(),
        shapes,
        materials,
        colors,
        p.minPrice(),
        p.maxPrice(),
        body.limit() == null ? 10 : body.limit());
  }

  private static <T extends Enum<T> & Term> Set<T> terms(
      List<FieldError> errors, String field, Class<T> type, List<String> names) {
    Set<T> terms = EnumSet.noneOf(type);
    for (int i = 0; i < names.size(); i++) {
      T term = Vocabulary.parse(type, names.get(i)).orElse(null);
      if (term == null) {
        errors.add(new FieldError(field + "[" + i + "]", Vocabulary.oneOf(type)));
      } else {
        terms.add(term);
      }
    }
    return terms;
  }
}
