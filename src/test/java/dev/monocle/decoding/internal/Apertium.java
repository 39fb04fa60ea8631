package dev.monocle.decoding.internal;

import dev.monocle.decoding.LanguagePair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Apertium installation the tests run against, and its command line as the reference. */
final class Apertium {

  static final Path MODES = Path.of("/usr/share/apertium/modes");

  /** The documented pairs (README) and the Apertium mode each is. */
  static final Map<LanguagePair, String> DOCUMENTED =
      Map.of(
          new LanguagePair("en", "es"), "eng-spa",
          new LanguagePair("es", "en"), "spa-eng",
          new LanguagePair("en", "ca"), "eng-cat",
          new LanguagePair("ca", "en"), "cat-eng",
          new LanguagePair("es", "ca"), "spa-cat",
          new LanguagePair("ca", "es"), "cat-spa",
          new LanguagePair("fr", "es"), "fr-es",
          new LanguagePair("es", "fr"), "es-fr");

  private Apertium() {}

  static ApertiumEngine engine(int pipelinesPerPair, int recycleAfter) {
    return new ApertiumEngine(
        new ApertiumEngine.Settings(
            MODES,
            pipelinesPerPair,
            ApertiumEngine.Settings.DEFAULT_DEPTH,
            recycleAfter,
            Duration.ofSeconds(20)));
  }

  /** {@code apertium -u <mode>} on one line of text, in a fresh process: the reference output. */
  static String cli(String mode, String text) {
    try {
      Process process =
          new ProcessBuilder("apertium", "-u", mode)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (var in = process.getOutputStream()) {
        in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("apertium -u " + mode + " failed");
      }
      return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The test corpus of one language: one sentence per line. */
  static List<String> corpus(String language) {
    try {
      return Files.readAllLines(
          Path.of("src/test/resources/apertium/" + language + ".txt"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
