package dev.monocle.decoding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.decoding.LanguagePair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Output fidelity: for every documented pair, the warm engine's translation of each corpus sentence
 * equals {@code apertium -u} run on that sentence alone in a fresh process. The engine keeps one
 * warm pipeline per pair across the whole corpus and gets it in batches, so state carried from one
 * segment to the next would show up here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApertiumGoldenTest {

  private ApertiumEngine engine;
  private ExecutorService cli;

  @BeforeAll
  void start() {
    engine = Apertium.engine(1, 1_000_000);
    cli = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  void stop() {
    engine.close();
    cli.shutdownNow();
  }

  static Stream<LanguagePair> documentedPairs() {
    return Apertium.DOCUMENTED.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("documentedPairs")
  void warmPipelineMatchesTheCommandLine(LanguagePair pair) throws Exception {
    String mode = Apertium.DOCUMENTED.get(pair);
    assertTrue(engine.pairs().contains(pair), "Apertium mode " + mode + " is installed");
    List<String> corpus = Apertium.corpus(pair.source());
    assertTrue(corpus.size() >= 100, "at least 100 sentences");

    List<Future<String>> expected = new ArrayList<>();
    for (String sentence : corpus) {
      expected.add(cli.submit(() -> Apertium.cli(mode, sentence)));
    }
    List<String> actual = new ArrayList<>();
    for (int from = 0; from < corpus.size(); from += 7) {
      actual.addAll(
          engine.translate(pair, corpus.subList(from, Math.min(from + 7, corpus.size()))));
    }
    for (int i = 0; i < corpus.size(); i++) {
      assertEquals(expected.get(i).get(), actual.get(i), pair + " sentence " + (i + 1));
    }
  }
}
