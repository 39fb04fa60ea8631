package dev.monocle.translation.web;

import dev.monocle.decoding.LanguagePair;
import dev.monocle.decoding.Segments;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import dev.monocle.translation.internal.Coordinator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Machine translation for clients: {@code POST /api/v1/translate} and the served pairs. */
@Path("api/v1/translate")
@Produces(MediaType.APPLICATION_JSON)
@Allow(
    roles = {Role.TRANSLATOR, Role.CATALOG_EDITOR, Role.TENANT_ADMIN},
    scopes = Scope.TRANSLATE)
@ApplicationScoped
public class TranslateResource {

  @Inject Coordinator coordinator;

  /** The translation: one segment per segment given ({@code text} when a text was given). */
  public record TranslateResponse(
      String source,
      String target,
      List<String> segments,
      String text,
      String engine,
      String node) {
    public TranslateResponse {
      segments = List.copyOf(segments);
    }
  }

  /** A served pair and the nodes that serve it now. */
  public record PairView(String source, String target, List<String> nodes) {
    public PairView {
      nodes = List.copyOf(nodes);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public TranslateResponse translate(JsonValue body) {
    Segments.Request request = Segments.read(body, true);
    LanguagePair pair = request.pair();
    Coordinator.Result result = coordinator.translate(pair, request.segments());
    return new TranslateResponse(
        pair.source(),
        pair.target(),
        result.segments(),
        request.single() ? result.segments().get(0) : null,
        result.engine(),
        result.node());
  }

  @GET
  @Path("pairs")
  public List<PairView> pairs() {
    return coordinator.knownPairs().stream()
        .map(p -> new PairView(p.source(), p.target(), coordinator.servingNodes(p)))
        .toList();
  }
}
