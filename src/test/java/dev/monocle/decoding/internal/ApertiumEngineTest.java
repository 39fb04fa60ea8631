package dev.monocle.decoding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.decoding.LanguagePair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The local engine under hostile text, concurrency, dying and hanging stages, and recycling. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApertiumEngineTest {

  private static final LanguagePair EN_ES = new LanguagePair("en", "es");
  private ApertiumEngine engine;

  @BeforeAll
  void start() {
    engine = Apertium.engine(2, 1_000_000);
  }

  @AfterAll
  void stop() {
    engine.close();
  }

  private String one(String text) {
    return engine.translate(EN_ES, List.of(text)).get(0);
  }

  @Test
  void discoversTheInstalledPairsUnderApiCodes() {
    assertTrue(engine.pairs().containsAll(Apertium.DOCUMENTED.keySet()), engine.pairs().toString());
    assertTrue(engine.engineVersion(EN_ES).matches("apertium/eng-spa@[0-9a-f]{8}"));
    assertTrue(engine.health().up());
    assertThrows(
        IllegalArgumentException.class,
        () -> engine.translate(new LanguagePair("en", "zz"), List.of("x")));
  }

  @Test
  void streamFormatCharactersAreTextAsOnTheCommandLine() {
    for (String text :
        List.of(
            "The [big] dog said <hello> to {everyone} @home.",
            "Prices: 10$ ^ 20$ / 30\\40 and ^dog$ and ^cat<n>$ here.",
            "[",
            "]",
            "\\",
            "^$",
            "<b>bold</b> and [[wb]] and \\[escaped\\]",
            "# hash * star ~ tilde | pipe & amp ; semicolon ' quote \" double",
            "Ünïcödé façade, naïve café, 東京, Ελλάδα, мир, 😀 glasses 👓.")) {
      assertEquals(Apertium.cli("eng-spa", text), one(text), text);
    }
  }

  @Test
  void controlCharactersNulAndLineBreaksComeBackAndLeaveThePipelineSound() {
    String hostile = "red\u0000glasses\u0001\u0002 on\nthe\r\ntable\tnow\u001b[31m \u007f\u2028end";
    String answer = one(hostile);
    for (String kept : List.of("\u0000", "\u0001\u0002", "\n", "\r\n", "\t", "\u001b", "\u007f")) {
      assertTrue(answer.contains(kept), () -> "kept " + kept.codePointAt(0) + " in " + answer);
    }
    assertEquals(count(hostile, '\n'), count(answer, '\n'), answer);
    assertTrue(one("\u0000").equals("\u0000"));
    assertTrue(one("\ud800 lone").startsWith("\ud800 "), "an unpaired surrogate comes back");
    String after = "The glasses are on the table.";
    assertEquals(Apertium.cli("eng-spa", after), one(after), "the pipeline still translates");
  }

  @Test
  void longSegmentsAndFullBatchesAreTranslatedWhole() {
    StringBuilder text = new StringBuilder();
    List<String> corpus = Apertium.corpus("en");
    for (int i = 0; text.length() < 5_000; i++) {
      text.append(corpus.get(i % corpus.size())).append(' ');
    }
    String longest = text.substring(0, 5_000);
    assertEquals(Apertium.cli("eng-spa", longest), one(longest));

    List<String> hundred = new ArrayList<>(corpus.subList(0, 100));
    List<String> batch = engine.translate(EN_ES, hundred);
    assertEquals(100, batch.size());
    for (int i = 0; i < 100; i += 9) {
      assertEquals(one(hundred.get(i)), batch.get(i), "segment " + i);
    }
    assertEquals(List.of("", "  ", "\n"), engine.translate(EN_ES, List.of("", "  ", "\n")));
  }

  @Test
  void concurrentCallersNeverReceiveEachOthersText() throws Exception {
    eightCallersGetTheirOwnText(engine, 40, 0, () -> {});
  }

  @Test
  void aKilledStageIsReplacedAndTheRequestStillSucceeds() throws Exception {
    try (ApertiumEngine own = Apertium.engine(1, 1_000_000)) {
      String sentence = "The glasses are on the table.";
      String expected = own.translate(EN_ES, List.of(sentence)).get(0);
      List<Long> before = own.pipelinePids(EN_ES).get(0);
      kill("-KILL", before.get(before.size() / 2));
      assertEquals(expected, own.translate(EN_ES, List.of(sentence)).get(0));
      List<Long> after = own.pipelinePids(EN_ES).get(0);
      assertTrue(Collections.disjoint(before, after), "a fresh pipeline replaced the broken one");
    }
  }

  @Test
  void batchesSharingOnePipelineComeBackToTheirCallersEvenWhenAStageIsKilledAmongThem()
      throws Exception {
    try (ApertiumEngine own = Apertium.engine(1, 1_000_000)) {
      own.translate(EN_ES, List.of("warm"));
      List<Long> first = own.pipelinePids(EN_ES).get(0);
      eightCallersGetTheirOwnText(own, 30, 40, () -> kill("-KILL", first.get(first.size() / 2)));
      assertTrue(
          Collections.disjoint(first, own.pipelinePids(EN_ES).get(0)),
          "the pipeline they shared was replaced");
    }
  }

  /** Something to do while the callers are under way. */
  private interface Midway {
    void run() throws Exception;
  }

  /**
   * Eight callers translate batches carrying their own marker words, {@code rounds} each; once
   * {@code midwayAfter} batches have come back, {@code midway} runs. Every caller must get exactly
   * its own text back, every time.
   */
  private static void eightCallersGetTheirOwnText(
      ApertiumEngine engine, int rounds, int midwayAfter, Midway midway) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    CountDownLatch underWay = new CountDownLatch(midwayAfter);
    try {
      List<Future<String>> problems = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int caller = t;
        problems.add(
            callers.submit(
                () -> {
                  for (int i = 0; i < rounds; i++) {
                    String marker = "Zq" + caller + "x" + i + "w";
                    List<String> answer =
                        engine.translate(
                            EN_ES, List.of("The " + marker + " glasses are red.", marker + "b"));
                    underWay.countDown();
                    if (!answer.get(0).contains(marker) || !answer.get(1).contains(marker + "b")) {
                      return "caller " + caller + " got " + answer;
                    }
                    String foreign = ".*Zq(?!" + caller + "x" + i + "w).*";
                    if (answer.get(0).matches(foreign) || answer.get(1).matches(foreign)) {
                      return "caller " + caller + " got foreign text " + answer;
                    }
                  }
                  return null;
                }));
      }
      assertTrue(underWay.await(60, TimeUnit.SECONDS), "the callers got under way");
      midway.run();
      for (Future<String> problem : problems) {
        assertEquals(null, problem.get(120, TimeUnit.SECONDS));
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aHangingStageTimesOutAndAFreshPipelineAnswers() throws Exception {
    var settings =
        new ApertiumEngine.Settings(
            Apertium.MODES,
            2,
            ApertiumEngine.Settings.DEFAULT_DEPTH,
            1_000_000,
            Duration.ofSeconds(2));
    try (ApertiumEngine own = new ApertiumEngine(settings)) {
      String sentence = "The glasses are on the table.";
      String expected = own.translate(EN_ES, List.of(sentence)).get(0);
      List<Long> hung = own.pipelinePids(EN_ES).get(0);
      kill("-STOP", hung.get(1));
      try {
        assertEquals(expected, own.translate(EN_ES, List.of(sentence)).get(0));
        assertFalse(own.pipelinePids(EN_ES).contains(hung), "the hung pipeline was not kept");
      } finally {
        new ProcessBuilder("kill", "-KILL", Long.toString(hung.get(1))).start().waitFor();
      }
    }
  }

  @Test
  void pipelinesAreRecycledAfterTheirQuota() {
    try (ApertiumEngine own = Apertium.engine(1, 3)) {
      String sentence = "The glasses are on the table.";
      String first = own.translate(EN_ES, List.of(sentence, sentence)).get(0);
      List<Long> pipeline = own.pipelinePids(EN_ES).get(0);
      assertEquals(List.of(first, first), own.translate(EN_ES, List.of(sentence, sentence)));
      assertTrue(own.pipelinePids(EN_ES).isEmpty(), "closed after 4 ≥ 3 segments");
      assertEquals(first, own.translate(EN_ES, List.of(sentence)).get(0));
      assertNotEquals(pipeline, own.pipelinePids(EN_ES).get(0));
    }
  }

  @Test
  void anEmptyModesDirectoryServesNothingAndIsDown() {
    var settings =
        new ApertiumEngine.Settings(
            Path.of("/nonexistent"),
            1,
            ApertiumEngine.Settings.DEFAULT_DEPTH,
            10,
            Duration.ofSeconds(1));
    try (ApertiumEngine none = new ApertiumEngine(settings)) {
      assertTrue(none.pairs().isEmpty());
      assertFalse(none.health().up());
    }
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }

  private static void kill(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).start();
    assertEquals(0, kill.waitFor());
  }
}
