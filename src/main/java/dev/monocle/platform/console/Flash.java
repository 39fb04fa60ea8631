package dev.monocle.platform.console;

import java.io.Serializable;
import java.util.List;

/**
 * A message for the next page the viewer sees (after a change redirects), kept in the console
 * session until shown once. {@code secret} is a value shown only this once (a new API key).
 */
public record Flash(String kind, String text, String secret, List<String> lines)
    implements Serializable {

  static final String ATTRIBUTE = "dev.monocle.console.flash";

  public Flash {
    lines = List.copyOf(lines);
  }

  public static Flash done(String text) {
    return new Flash("done", text, null, List.of());
  }

  /** A secret the viewer must copy now: it is never shown again. */
  public static Flash secret(String text, String secret) {
    return new Flash("secret", text, secret, List.of());
  }

  public static Flash secrets(String text, List<String> secrets) {
    return new Flash("secret", text, null, secrets);
  }

  public static Flash error(String text, List<String> lines) {
    return new Flash("error", text, null, lines);
  }
}
