package dev.monocle.decoding.internal;

import dev.monocle.decoding.Decoder;
import dev.monocle.decoding.DecoderException;
import dev.monocle.decoding.LanguagePair;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Another Monocle instance in decoder role. {@code GET /api/v1/decode} names its pairs and engine
 * versions; {@code POST /api/v1/decode} translates a batch. Long requests are split into batches
 * sent side by side, so a remote node's pipelines work in parallel.
 */
public final class MonocleDecoder implements Decoder {

  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final Duration timeout;
  private final int batchSegments;
  private volatile Map<LanguagePair, String> versions = Map.of();

  public MonocleDecoder(
      HttpClient http, URI base, String apiKey, Duration timeout, int batchSegments) {
    this.http = http;
    this.endpoint = base.resolve("/api/v1/decode");
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.batchSegments = Math.max(1, batchSegments);
  }

  @Override
  public Set<LanguagePair> pairs() {
    return versions.keySet();
  }

  @Override
  public List<String> translate(LanguagePair pair, List<String> segments) {
    if (!versions.containsKey(pair)) {
      throw new IllegalArgumentException("pair not served: " + pair);
    }
    List<CompletableFuture<List<String>>> batches = new ArrayList<>();
    for (int from = 0; from < segments.size(); from += batchSegments) {
      List<String> batch = segments.subList(from, Math.min(segments.size(), from + batchSegments));
      batches.add(call(pair, batch));
    }
    List<String> answer = new ArrayList<>(segments.size());
    RemoteCalls.all(batches, timeout.toNanos()).forEach(answer::addAll);
    return answer;
  }

  private CompletableFuture<List<String>> call(LanguagePair pair, List<String> batch) {
    JsonArrayBuilder texts = Json.createArrayBuilder();
    batch.forEach(texts::add);
    String body =
        Json.createObjectBuilder()
            .add("source", pair.source())
            .add("target", pair.target())
            .add("segments", texts)
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("X-API-Key", apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return RemoteCalls.json(http, request)
        .thenApply(
            json -> {
              JsonArray segments = json.getJsonArray("segments");
              if (segments == null || segments.size() != batch.size()) {
                throw new DecoderException("decoder node answered the wrong segments", null);
              }
              List<String> translated = new ArrayList<>(segments.size());
              for (JsonValue value : segments) {
                if (!(value instanceof JsonString text)) {
                  throw new DecoderException("decoder node answered a non-text segment", null);
                }
                translated.add(text.getString());
              }
              return translated;
            });
  }

  @Override
  public Health health() {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint).timeout(timeout).header("X-API-Key", apiKey).GET().build();
    try {
      JsonObject json =
          RemoteCalls.all(List.of(RemoteCalls.json(http, request)), timeout.toNanos()).get(0);
      Map<LanguagePair, String> served = new HashMap<>();
      for (JsonValue value : json.getJsonArray("pairs")) {
        JsonObject entry = value.asJsonObject();
        served.put(
            new LanguagePair(entry.getString("source"), entry.getString("target")),
            entry.getString("engine", "monocle"));
      }
      versions = Map.copyOf(served);
      return new Health(true, served.keySet(), "monocle");
    } catch (RuntimeException unhealthy) { // no answer, or not the JSON a decoder node sends
      return Health.down("Monocle decoder " + endpoint + ": " + unhealthy.getMessage());
    }
  }

  @Override
  public String engineVersion(LanguagePair pair) {
    return versions.getOrDefault(pair, "monocle");
  }
}
