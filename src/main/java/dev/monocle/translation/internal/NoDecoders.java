package dev.monocle.translation.internal;

import dev.monocle.platform.ProblemException;
import dev.monocle.translation.Translator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The translator while no decoder node is configured: every pair is unavailable (503 with {@code
 * Retry-After}), as the contract says for a pair without a healthy node. Decoder routing replaces
 * it.
 */
@ApplicationScoped
public class NoDecoders implements Translator {

  @Override
  public List<String> translate(String source, String target, List<String> segments) {
    throw new ProblemException(
        503,
        "translation-unavailable",
        "Translation unavailable",
        "No healthy decoder node serves " + source + "→" + target + " at the moment.",
        List.of(),
        Map.of("Retry-After", "30"));
  }
}
