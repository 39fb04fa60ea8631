package dev.monocle.platform;

import java.util.Locale;

/**
 * How strict Monocle is about its surroundings. {@code DEV} generates missing secrets into the data
 * directory so that a fresh clone runs with no set-up; {@code PRODUCTION} refuses to start without
 * them.
 */
public enum Profile {
  DEV,
  PRODUCTION;

  /** Parses {@code dev} or {@code production}, case-insensitively; anything else is refused. */
  public static Profile parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "dev" -> DEV;
      case "production" -> PRODUCTION;
      default ->
          throw new IllegalArgumentException(
              "monocle.profile must be 'dev' or 'production', not '" + value + "'");
    };
  }
}
