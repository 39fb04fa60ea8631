package dev.monocle.decoding.internal;

import dev.monocle.decoding.Decoder;
import dev.monocle.decoding.DecoderException;
import dev.monocle.decoding.LanguagePair;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stock Apertium APy server. Pairs come from {@code /listPairs} (APy's names mapped to API
 * codes); each segment is one {@code POST /translate} with the plain-text format and unknown words
 * unmarked, as the local engine translates. APy's own pipelines flush at NUL, so control characters
 * other than line breaks and tabs never reach it: the text between them is translated and the
 * characters put back.
 */
public final class ApyDecoder implements Decoder {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]+");

  /** Calls in flight to one APy at most: a request of many pieces waits for free ones. */
  static final int MAX_CONCURRENT_CALLS = 16;

  private final java.util.concurrent.Semaphore calls =
      new java.util.concurrent.Semaphore(MAX_CONCURRENT_CALLS);

  private final HttpClient http;
  private final URI base;
  private final Duration timeout;
  private volatile Map<LanguagePair, String> apyPairs = Map.of();

  public ApyDecoder(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    this.base = base;
    this.timeout = timeout;
  }

  @Override
  public Set<LanguagePair> pairs() {
    return apyPairs.keySet();
  }

  @Override
  public List<String> translate(LanguagePair pair, List<String> segments) {
    String langpair = apyPairs.get(pair);
    if (langpair == null) {
      throw new IllegalArgumentException("pair not served: " + pair);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<List<String>> pieces = new ArrayList<>();
    List<CompletableFuture<String>> pending = new ArrayList<>();
    for (String segment : segments) {
      List<String> parts = split(segment);
      pieces.add(parts);
      for (int i = 0; i < parts.size(); i += 2) {
        pending.add(
            parts.get(i).isBlank()
                ? CompletableFuture.completedFuture(parts.get(i))
                : translateOne(langpair, parts.get(i), deadline));
      }
    }
    List<String> translated = RemoteCalls.all(pending, deadline - System.nanoTime());
    List<String> answer = new ArrayList<>(segments.size());
    int next = 0;
    for (List<String> parts : pieces) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        text.append(i % 2 == 0 ? translated.get(next++) : parts.get(i));
      }
      answer.add(text.toString());
    }
    return answer;
  }

  /** Text and control runs alternating, starting and ending with text (possibly empty). */
  static List<String> split(String segment) {
    List<String> parts = new ArrayList<>();
    Matcher control = CONTROL.matcher(segment);
    int at = 0;
    while (control.find()) {
      parts.add(segment.substring(at, control.start()));
      parts.add(control.group());
      at = control.end();
    }
    parts.add(segment.substring(at));
    return parts;
  }

  /** One call, once a slot of this node is free (waiting counts against the deadline). */
  private CompletableFuture<String> translateOne(String langpair, String text, long deadline) {
    try {
      if (!calls.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        return CompletableFuture.failedFuture(DecoderException.busy("APy " + base + " is full"));
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(new DecoderException("interrupted", interrupted));
    }
    return call(langpair, text).whenComplete((answer, failure) -> calls.release());
  }

  private CompletableFuture<String> call(String langpair, String text) {
    String form = "langpair=" + encode(langpair) + "&markUnknown=no&format=txt&q=" + encode(text);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/translate"))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return RemoteCalls.json(http, request)
        .thenApply(
            json -> {
              JsonObject data = json.getJsonObject("responseData");
              if (data == null || !data.containsKey("translatedText")) {
                throw new DecoderException("APy answered without translatedText", null);
              }
              return data.getString("translatedText");
            });
  }

  @Override
  public Health health() {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/listPairs")).timeout(timeout).GET().build();
    try {
      JsonObject json =
          RemoteCalls.all(List.of(RemoteCalls.json(http, request)), timeout.toNanos()).get(0);
      Map<LanguagePair, String> pairs = new HashMap<>();
      for (JsonValue value : json.getJsonArray("responseData")) {
        JsonObject entry = value.asJsonObject();
        String source = entry.getString("sourceLanguage", "");
        String target = entry.getString("targetLanguage", "");
        var apiSource = LanguageCodes.toApi(source);
        var apiTarget = LanguageCodes.toApi(target);
        if (apiSource.isPresent() && apiTarget.isPresent()) {
          pairs.putIfAbsent(
              new LanguagePair(apiSource.get(), apiTarget.get()), source + "|" + target);
        }
      }
      apyPairs = Map.copyOf(pairs);
      return new Health(true, pairs.keySet(), "apy");
    } catch (RuntimeException unhealthy) { // no answer, or not the JSON APy sends
      return Health.down("APy " + base + ": " + unhealthy.getMessage());
    }
  }

  @Override
  public String engineVersion(LanguagePair pair) {
    return "apy/" + apyPairs.getOrDefault(pair, pair.toString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
