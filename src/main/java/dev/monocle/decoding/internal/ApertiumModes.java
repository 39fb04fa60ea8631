package dev.monocle.decoding.internal;

import dev.monocle.decoding.LanguagePair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The installed Apertium modes ({@code <modes dir>/<pair>.mode}), each turned into the pipeline
 * {@code apertium -u <pair>} runs: the stages {@code apertium-wblank-mode -z} writes for it (null
 * flush on every stage), with unknown words left unmarked ({@code $1 = -n}) and the tagger's
 * optional flag empty ({@code $2}), as the {@code apertium} script does for plain text.
 */
final class ApertiumModes {

  private static final Logger LOG = Logger.getLogger(ApertiumModes.class.getName());

  /** One direction: its mode name, the stages of its pipeline and a fingerprint of its data. */
  record Mode(String name, LanguagePair pair, List<List<String>> stages, String version) {
    Mode {
      stages = stages.stream().map(List::copyOf).toList();
    }
  }

  private ApertiumModes() {}

  /**
   * Every mode whose two languages map to API codes; variants ({@code eng-cat_valencia}) skipped.
   */
  static Map<LanguagePair, Mode> discover(Path modesDir) {
    Map<LanguagePair, Mode> modes = new TreeMap<>();
    if (!Files.isDirectory(modesDir)) {
      return modes;
    }
    try (Stream<Path> files = Files.list(modesDir)) {
      for (Path file : files.sorted().toList()) {
        Path leaf = file.getFileName();
        String fileName = leaf == null ? "" : leaf.toString();
        if (!fileName.endsWith(".mode")) {
          continue;
        }
        String name = fileName.substring(0, fileName.length() - ".mode".length());
        String[] languages = name.split("-");
        if (languages.length != 2) {
          continue;
        }
        var source = LanguageCodes.toApi(languages[0]);
        var target = LanguageCodes.toApi(languages[1]);
        if (source.isEmpty() || target.isEmpty() || source.get().equals(target.get())) {
          continue;
        }
        LanguagePair pair = new LanguagePair(source.get(), target.get());
        try {
          List<List<String>> stages = withoutWordBoundBlankStages(stages(nullFlushing(file)));
          modes.putIfAbsent(pair, new Mode(name, pair, stages, fingerprint(name, stages)));
        } catch (IOException | RuntimeException unreadable) {
          LOG.log(Level.WARNING, "Apertium mode {0} skipped: {1}", new Object[] {name, unreadable});
        }
      }
    } catch (IOException unreadable) {
      LOG.log(Level.WARNING, "Apertium modes unreadable in {0}", modesDir);
    }
    return modes;
  }

  /** The mode's pipeline with null flush, as written by {@code apertium-wblank-mode -z}. */
  private static String nullFlushing(Path modeFile) throws IOException {
    Process process =
        new ProcessBuilder("apertium-wblank-mode", "-z", modeFile.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().close();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("apertium-wblank-mode failed for " + modeFile);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", interrupted);
    }
    return text.strip();
  }

  /**
   * Splits a mode's shell pipeline into the argument lists of its stages: words are separated by
   * blanks, quoted with single or double quotes; {@code $1} becomes {@code -n} and {@code $2}
   * disappears.
   */
  static List<List<String>> stages(String pipeline) {
    List<List<String>> stages = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < pipeline.length(); i++) {
      char c = pipeline.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '|' || Character.isWhitespace(c)) {
        if (word != null) {
          addWord(words, word.toString());
          word = null;
        }
        if (c == '|') {
          stages.add(stage(words));
          words = new ArrayList<>();
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced quote in mode");
    }
    if (word != null) {
      addWord(words, word.toString());
    }
    stages.add(stage(words));
    return stages;
  }

  /**
   * The stages without {@code apertium-wblank-attach} and {@code -detach}: they carry word-bound
   * blanks ({@code [[...]]}) across the transfer stages, and the stream Monocle writes has none
   * ({@code [} is always escaped; its own superblanks are single), so they would only add two
   * processes to every segment's path. The golden tests hold the output to {@code apertium -u}.
   */
  static List<List<String>> withoutWordBoundBlankStages(List<List<String>> stages) {
    return stages.stream()
        .filter(
            stage ->
                !stage.get(0).equals("apertium-wblank-attach")
                    && !stage.get(0).equals("apertium-wblank-detach"))
        .toList();
  }

  private static void addWord(List<String> words, String word) {
    switch (word) {
      case "$1" -> words.add("-n");
      case "$2" -> {
        // the tagger's optional flag: none for plain text
      }
      default -> {
        if (word.contains("$") || word.contains("`") || word.contains(";") || word.contains("&")) {
          throw new IllegalArgumentException("shell syntax in mode: " + word);
        }
        words.add(word);
      }
    }
  }

  private static List<String> stage(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty stage in mode");
    }
    return List.copyOf(words);
  }

  /** The mode name and a digest of its stages and of the sizes and dates of the files they read. */
  private static String fingerprint(String name, List<List<String>> stages) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (List<String> stage : stages) {
        for (String word : stage) {
          digest.update(word.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          Path path = Path.of(word);
          if (word.startsWith("/") && Files.isRegularFile(path)) {
            digest.update(
                (Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis())
                    .getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      return "apertium/" + name + "@" + HexFormat.of().formatHex(digest.digest(), 0, 4);
    } catch (IOException | NoSuchAlgorithmException unreadable) {
      return "apertium/" + name;
    }
  }
}
