package dev.monocle.decoding.web;

import dev.monocle.decoding.Decoder;
import dev.monocle.decoding.DecoderException;
import dev.monocle.decoding.LanguagePair;
import dev.monocle.decoding.Segments;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Scope;
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
import java.util.Map;

/**
 * The node-internal face of a Monocle instance in decoder role: coordinators send batches of
 * segments here with an API key holding {@code decoder:node}. The platform answers 404 for this
 * path on an instance in the default role ({@link dev.monocle.platform.ServerRole}).
 */
@Path("api/v1/decode")
@Produces(MediaType.APPLICATION_JSON)
@Allow(scopes = Scope.DECODER_NODE)
@ApplicationScoped
public class DecodeResource {

  @Inject Decoder engine;

  /** The translated batch, one segment per segment given. */
  public record DecodeResponse(List<String> segments) {
    public DecodeResponse {
      segments = List.copyOf(segments);
    }
  }

  /** A served direction and the engine version that translates it. */
  public record ServedPair(String source, String target, String engine) {}

  @GET
  public Map<String, List<ServedPair>> pairs() {
    return Map.of(
        "pairs",
        engine.pairs().stream()
            .sorted()
            .map(p -> new ServedPair(p.source(), p.target(), engine.engineVersion(p)))
            .toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public DecodeResponse decode(JsonValue body) {
    Segments.Request request = Segments.read(body, false);
    LanguagePair pair = request.pair();
    if (!engine.pairs().contains(pair)) {
      throw Segments.unsupported(pair, engine.pairs());
    }
    try {
      return new DecodeResponse(engine.translate(pair, request.segments()));
    } catch (DecoderException failed) {
      throw Segments.unavailable(pair);
    }
  }
}
