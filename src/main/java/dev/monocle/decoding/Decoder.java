package dev.monocle.decoding;

import java.util.List;
import java.util.Set;

/**
 * A translation engine: the local Apertium pipelines, an Apertium APy server or another Monocle
 * instance in decoder role. Implementations are safe for concurrent use.
 */
public interface Decoder {

  /** Which directions this engine serves, as last known (refreshed by {@link #health()}). */
  Set<LanguagePair> pairs();

  /**
   * Translates each segment of plain text; the answer has one segment per segment given, in order.
   * Any text is allowed: the engine escapes what its stream format reserves.
   *
   * @throws DecoderException when the engine failed or did not answer in time
   * @throws IllegalArgumentException when the engine does not serve {@code pair}
   */
  List<String> translate(LanguagePair pair, List<String> segments);

  /** Asks the engine whether it is alive and which pairs it serves now (may block briefly). */
  Health health();

  /**
   * Names the engine and its data for {@code pair}, so a cached translation of one version is never
   * served for another ({@code apertium/eng-spa@1a2b3c4d}).
   */
  String engineVersion(LanguagePair pair);

  /** A health answer: alive or not, and the pairs served. */
  record Health(boolean up, Set<LanguagePair> pairs, String detail) {
    public Health {
      pairs = Set.copyOf(pairs);
    }

    public static Health down(String detail) {
      return new Health(false, Set.of(), detail);
    }
  }
}
