package dev.monocle.decoding;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The contract's limits on text to translate, checked in one place for every entry point ({@code
 * /api/v1/translate}, {@code /apy/translate}, {@code /api/v1/decode}): at most 100 segments, 5,000
 * characters each and 50,000 in all (characters are Unicode code points).
 */
public final class Segments {

  public static final int MAX_SEGMENTS = 100;
  public static final int MAX_SEGMENT_CHARS = 5_000;
  public static final int MAX_TOTAL_CHARS = 50_000;

  private Segments() {}

  /**
   * The pair named by {@code source} and {@code target}, after checking them and the segments.
   *
   * @throws ProblemException 400 naming every invalid field
   */
  public static LanguagePair check(String source, String target, List<String> segments) {
    List<FieldError> errors = new ArrayList<>();
    if (!LanguagePair.isCode(source)) {
      errors.add(new FieldError("source", "must be a language code such as en"));
    }
    if (!LanguagePair.isCode(target)) {
      errors.add(new FieldError("target", "must be a language code such as es"));
    }
    if (segments == null || segments.isEmpty()) {
      errors.add(new FieldError("segments", "must hold at least one segment"));
    } else if (segments.size() > MAX_SEGMENTS) {
      errors.add(new FieldError("segments", "must hold at most " + MAX_SEGMENTS + " segments"));
    } else {
      long total = 0;
      for (int i = 0; i < segments.size(); i++) {
        String segment = segments.get(i);
        if (segment == null) {
          errors.add(new FieldError("segments[" + i + "]", "must be text"));
          continue;
        }
        int chars = segment.codePointCount(0, segment.length());
        total += chars;
        if (chars > MAX_SEGMENT_CHARS) {
          errors.add(
              new FieldError(
                  "segments[" + i + "]", "must be at most " + MAX_SEGMENT_CHARS + " characters"));
        } else if (hasUnpairedSurrogate(segment)) {
          errors.add(
              new FieldError(
                  "segments[" + i + "]", "must be Unicode text (an unpaired surrogate)"));
        }
      }
      if (total > MAX_TOTAL_CHARS) {
        errors.add(
            new FieldError("segments", "must hold at most " + MAX_TOTAL_CHARS + " characters"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    if (source.equals(target)) {
      throw ProblemException.validation(
          List.of(new FieldError("target", "must differ from source")));
    }
    return new LanguagePair(source, target);
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** A translation request read from JSON: the pair, the segments, and whether it was one text. */
  public record Request(LanguagePair pair, List<String> segments, boolean single) {
    public Request {
      segments = List.copyOf(segments);
    }
  }

  /**
   * Reads {@code {source, target, segments: [...]}} (or {@code text} instead of segments, when
   * {@code textAllowed}) with JSON's own types: a number or boolean where text belongs is a 400,
   * not text, and so is any other member. Then {@link #check}s the result.
   */
  public static Request read(jakarta.json.JsonValue body, boolean textAllowed) {
    if (!(body instanceof jakarta.json.JsonObject json)) {
      throw ProblemException.validation(
          List.of(new FieldError("segments", "the body must be a JSON object")));
    }
    List<FieldError> errors = new ArrayList<>();
    for (String member : json.keySet()) {
      if (!member.equals("source")
          && !member.equals("target")
          && !member.equals("segments")
          && !(textAllowed && member.equals("text"))) {
        errors.add(new FieldError(member, "unknown field"));
      }
    }
    String source = text(json, "source", errors);
    String target = text(json, "target", errors);
    boolean hasText = textAllowed && json.containsKey("text");
    List<String> segments = null;
    if (hasText == json.containsKey("segments")) {
      errors.add(
          new FieldError("segments", textAllowed ? "give either segments or text" : "is required"));
    } else if (hasText) {
      String one = text(json, "text", errors);
      segments = one == null ? null : List.of(one);
    } else if (!(json.get("segments") instanceof jakarta.json.JsonArray array)) {
      errors.add(new FieldError("segments", "must be an array of texts"));
    } else if (array.size() > MAX_SEGMENTS) {
      errors.add(new FieldError("segments", "must hold at most " + MAX_SEGMENTS + " segments"));
    } else {
      segments = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof jakarta.json.JsonString string) {
          segments.add(string.getString());
        } else {
          errors.add(new FieldError("segments[" + i + "]", "must be text"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return new Request(check(source, target, segments), segments, hasText);
  }

  private static String text(jakarta.json.JsonObject json, String member, List<FieldError> errors) {
    jakarta.json.JsonValue value = json.get(member);
    if (value instanceof jakarta.json.JsonString string) {
      return string.getString();
    }
    errors.add(
        new FieldError(member, value == null ? "is required" : "must be text, not " + kind(value)));
    return null;
  }

  private static String kind(jakarta.json.JsonValue value) {
    return value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** 422: no engine serves {@code pair}; the document lists the pairs that are served. */
  public static ProblemException unsupported(LanguagePair pair, Collection<LanguagePair> served) {
    return new ProblemException(
            422,
            "unsupported-pair",
            "Unsupported language pair",
            "No decoder serves " + pair.source() + "→" + pair.target() + ".",
            List.of(),
            Map.of())
        .with("supported_pairs", served.stream().sorted().map(LanguagePair::toString).toList());
  }

  /** 503 with {@code Retry-After}: the pair is served, but no healthy node answers right now. */
  public static ProblemException unavailable(LanguagePair pair) {
    return new ProblemException(
        503,
        "translation-unavailable",
        "Translation unavailable",
        "No healthy decoder node serves " + pair.source() + "→" + pair.target() + " at the moment.",
        List.of(),
        Map.of("Retry-After", "5"));
  }
}
