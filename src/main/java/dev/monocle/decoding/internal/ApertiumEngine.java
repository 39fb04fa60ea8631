package dev.monocle.decoding.internal;

import dev.monocle.decoding.Decoder;
import dev.monocle.decoding.DecoderException;
import dev.monocle.decoding.LanguagePair;
import dev.monocle.platform.BackgroundWork;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local engine: the installed Apertium modes, each with a pool of warm pipelines. A batch that
 * fails because a stage died or timed out is tried once more on a fresh pipeline; one that found
 * every pipeline busy is not (it fails as busy).
 */
public final class ApertiumEngine implements Decoder, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ApertiumEngine.class.getName());

  /**
   * How the engine runs: where the modes are, how many pipelines a pair has, how many segments may
   * be in flight in one ({@code depth}), after how many segments one is replaced, and how long a
   * batch may take.
   */
  public record Settings(
      Path modesDir, int pipelinesPerPair, int depth, int recycleAfter, Duration baseTimeout) {

    /** The default depth: eight segments in flight per pipeline. */
    public static final int DEFAULT_DEPTH = 8;

    /** Time for a batch: the base plus half a millisecond per character. */
    Duration timeoutFor(List<String> segments) {
      long chars = segments.stream().mapToLong(String::length).sum();
      return baseTimeout.plusNanos(chars * 500_000L);
    }
  }

  private final Settings settings;
  private final Map<LanguagePair, ApertiumModes.Mode> modes;
  private final Map<LanguagePair, PipelinePool> pools = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watchdog;

  public ApertiumEngine(Settings settings) {
    this.settings = settings;
    this.modes = Map.copyOf(ApertiumModes.discover(settings.modesDir()));
    this.watchdog = BackgroundWork.scheduler("apertium-watchdog", 1);
    LOG.log(Level.INFO, "Apertium engine: {0} pairs {1}", new Object[] {modes.size(), pairs()});
  }

  @Override
  public Set<LanguagePair> pairs() {
    return modes.keySet();
  }

  @Override
  public List<String> translate(LanguagePair pair, List<String> segments) {
    PipelinePool pool = pool(pair);
    List<Integer> work = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).isBlank()) {
        work.add(i);
        texts.add(segments.get(i));
      }
    }
    List<String> answer = new ArrayList<>(segments);
    if (texts.isEmpty()) {
      return answer;
    }
    List<String> translated;
    try {
      translated = pool.translate(texts, settings.timeoutFor(texts));
    } catch (DecoderException failed) {
      if (failed.isBusy()) {
        throw failed; // full, not broken: a second wait would only double the delay
      }
      LOG.log(
          Level.WARNING,
          "Apertium {0}: {1}; retrying on a fresh pipeline",
          new Object[] {pair, failed.getMessage()});
      translated = pool.translate(texts, settings.timeoutFor(texts));
    }
    for (int i = 0; i < work.size(); i++) {
      answer.set(work.get(i), translated.get(i));
    }
    return answer;
  }

  @Override
  public Health health() {
    return modes.isEmpty()
        ? Health.down("no Apertium modes under " + settings.modesDir())
        : new Health(true, modes.keySet(), "apertium");
  }

  @Override
  public String engineVersion(LanguagePair pair) {
    ApertiumModes.Mode mode = modes.get(pair);
    return mode == null ? "apertium" : mode.version();
  }

  /** Starts one pipeline for each of {@code pairs} now rather than at the first request. */
  public void warm(Set<LanguagePair> pairs) {
    for (LanguagePair pair : pairs) {
      if (modes.containsKey(pair)) {
        pool(pair).warm();
      }
    }
  }

  /** The stage process ids of the pipelines of {@code pair} in service. */
  public List<List<Long>> pipelinePids(LanguagePair pair) {
    PipelinePool pool = pools.get(pair);
    return pool == null ? List.of() : pool.pipelinePids();
  }

  private PipelinePool pool(LanguagePair pair) {
    ApertiumModes.Mode mode = modes.get(pair);
    if (mode == null) {
      throw new IllegalArgumentException("pair not served: " + pair);
    }
    return pools.computeIfAbsent(
        pair,
        p ->
            new PipelinePool(
                mode,
                settings.pipelinesPerPair(),
                settings.depth(),
                settings.recycleAfter(),
                watchdog));
  }

  @Override
  public void close() {
    pools.values().forEach(PipelinePool::close);
    watchdog.shutdownNow();
  }
}
