package dev.monocle.translation;

import java.util.List;

/**
 * Machine translation for other modules (the catalog localizes product text with it). Segments come
 * back in order, one per segment given.
 */
public interface Translator {

  /**
   * Translates {@code segments} from {@code source} to {@code target} (ISO 639-1 codes).
   *
   * @throws dev.monocle.platform.ProblemException 422 for a pair no engine supports, 503 (with
   *     {@code Retry-After}) when no healthy decoder serves the pair
   */
  List<String> translate(String source, String target, List<String> segments);
}
