package dev.monocle.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON-B configuration of Monocle: {@code snake_case} names, nulls left out, and unknown
 * fields in input refused (mass assignment stays visible). Resources get it through the platform's
 * resolver; modules use it for JSON they store or parse themselves (import rows, JSON columns).
 */
public final class JsonBinding {

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false)
              .withDeserializers(new WholeNumbers())
              .setProperty("jsonb.fail-on-unknown-properties", true));

  private static final Pattern UNKNOWN_PROPERTY =
      Pattern.compile(
          "(?:[Uu]nknown property:? '?|Json property )([A-Za-z0-9_]{1,64})'?(?: can not be mapped)?");

  private JsonBinding() {}

  /** The unknown field a binding failure (or one of its causes) complains about, if that is it. */
  public static Optional<String> unknownField(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(t.getMessage()));
      if (unknown.find()) {
        return Optional.of(unknown.group(1));
      }
    }
    return Optional.empty();
  }

  public static Jsonb jsonb() {
    return JSONB;
  }
}
