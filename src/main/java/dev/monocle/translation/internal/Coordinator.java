package dev.monocle.translation.internal;

import dev.monocle.decoding.Decoder;
import dev.monocle.decoding.DecoderException;
import dev.monocle.decoding.LanguagePair;
import dev.monocle.decoding.RemoteDecoders;
import dev.monocle.decoding.Segments;
import dev.monocle.platform.BackgroundWork;
import dev.monocle.platform.PlatformReady;
import dev.monocle.platform.ServerRole;
import dev.monocle.translation.Translator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Routes translations to decoder nodes: the local engine, nodes from configuration ({@code
 * monocle.translation.nodes = apy@http://host:2737,monocle@http://host:8080}) and nodes registered
 * through the admin API. Among the healthy, undrained nodes serving the pair whose circuit lets a
 * request through and that have room, it picks by the power of two choices on requests in flight; a
 * failure or timeout is retried once on another node. Nodes are probed every {@code
 * monocle.translation.health-interval-ms}.
 */
@ApplicationScoped
public class Coordinator implements Translator {

  private static final Logger LOG = Logger.getLogger(Coordinator.class.getName());
  static final String LOCAL_ID = "local";

  @Inject Decoder localEngine;
  @Inject NodeStore store;
  @Inject SegmentCache cache;
  @Inject TranslationMetrics metrics;

  private final Map<String, DecoderNode> nodes = new ConcurrentHashMap<>();

  /** Serialises changes of the node set: the health round's sync, registration and removal. */
  private final Object membership = new Object();

  private ScheduledExecutorService schedule;
  private ExecutorService probes;
  private volatile Settings settings;
  private volatile boolean started;

  /** The coordinator's settings, read once at start. */
  private record Settings(
      ServerRole role,
      Duration nodeTimeout,
      int maxInFlight,
      int batchSegments,
      int circuitFailures,
      long circuitOpenMillis,
      Set<LanguagePair> requiredPairs) {

    static Settings of(Config config) {
      return new Settings(
          ServerRole.configured(),
          Duration.ofMillis(setting(config, "monocle.translation.node-timeout-ms", 15_000)),
          (int) setting(config, "monocle.translation.max-in-flight", 64),
          (int) setting(config, "monocle.translation.batch-segments", 20),
          (int) setting(config, "monocle.translation.circuit.failures", 3),
          setting(config, "monocle.translation.circuit.open-ms", 10_000),
          pairsSetting(config, "monocle.translation.required-pairs"));
    }
  }

  /** A translated request: the segments, the engine that made them and the node that ran it. */
  public record Result(List<String> segments, String engine, String node) {
    public Result {
      segments = List.copyOf(segments);
    }
  }

  void onReady(@Observes PlatformReady ready) {
    Config config = ConfigProvider.getConfig();
    settings = Settings.of(config);
    ServerRole role = settings.role();
    if (role == ServerRole.DECODER
        || config
            .getOptionalValue("monocle.translation.local.enabled", Boolean.class)
            .orElse(true)) {
      add(
          new DecoderNode(
              LOCAL_ID,
              null,
              DecoderNode.Kind.LOCAL,
              DecoderNode.Origin.LOCAL,
              localEngine,
              breaker(),
              settings.maxInFlight()));
    }
    if (role == ServerRole.ALL) {
      configuredNodes(config);
    }
    probes = Executors.newFixedThreadPool(4, BackgroundWork.daemonThreads("monocle-decoder-probe"));
    schedule = BackgroundWork.scheduler("monocle-decoder-health", 1);
    refresh();
    started = true;
    long every = Math.max(200, setting(config, "monocle.translation.health-interval-ms", 5_000));
    schedule.scheduleWithFixedDelay(this::refreshGuarded, every, every, TimeUnit.MILLISECONDS);
  }

  private void configuredNodes(Config config) {
    String listed = config.getOptionalValue("monocle.translation.nodes", String.class).orElse("");
    String apiKey = nodeApiKey(config).orElse(null);
    int index = 0;
    for (String entry : listed.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int at = trimmed.indexOf('@');
      if (at < 0) {
        throw new IllegalStateException("monocle.translation.nodes: kind@url expected");
      }
      String kind = trimmed.substring(0, at);
      URI url = NodeAddresses.parse(trimmed.substring(at + 1));
      index++;
      add(node("config-" + index, url, kind, apiKey, DecoderNode.Origin.CONFIGURED));
    }
  }

  private static Optional<String> nodeApiKey(Config config) {
    Optional<String> file =
        config.getOptionalValue("monocle.translation.node-api-key-file", String.class);
    if (file.isPresent()) {
      try {
        return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
      } catch (IOException unreadable) {
        throw new IllegalStateException("monocle.translation.node-api-key-file unreadable");
      }
    }
    return config.getOptionalValue("monocle.translation.node-api-key", String.class);
  }

  DecoderNode node(String id, URI url, String kind, String apiKey, DecoderNode.Origin origin) {
    Decoder decoder =
        switch (kind) {
          case "apy" -> RemoteDecoders.apy(url, settings.nodeTimeout());
          case "monocle" -> {
            if (apiKey == null) {
              throw new IllegalStateException("a Monocle decoder node needs an API key");
            }
            yield RemoteDecoders.monocle(
                url, apiKey, settings.nodeTimeout(), settings.batchSegments());
          }
          default -> throw new IllegalStateException("decoder kind must be apy or monocle");
        };
    DecoderNode.Kind nodeKind =
        kind.equals("apy") ? DecoderNode.Kind.APY : DecoderNode.Kind.MONOCLE;
    return new DecoderNode(
        id, url.toString(), nodeKind, origin, decoder, breaker(), settings.maxInFlight());
  }

  private CircuitBreaker breaker() {
    return new CircuitBreaker(
        settings.circuitFailures(), settings.circuitOpenMillis(), System::nanoTime);
  }

  /** Adds a node unless one with its id is known (the health round may have added it first). */
  private DecoderNode add(DecoderNode node) {
    synchronized (membership) {
      DecoderNode known = nodes.putIfAbsent(node.id, node);
      if (known != null) {
        return known;
      }
      metrics.watch(node);
      return node;
    }
  }

  void remove(String id) {
    synchronized (membership) {
      DecoderNode gone = nodes.remove(id);
      if (gone != null) {
        metrics.forget(gone);
      }
    }
  }

  private void refreshGuarded() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Decoder health round failed; it runs again on schedule", e);
    }
  }

  /**
   * Syncs the registered nodes from the database, then starts a probe of every node that is not
   * still being probed. Probes run in parallel, each bounded by the node timeout of its client; a
   * failed sync (database down, an unreadable row) does not stop the probes.
   */
  void refresh() {
    if (settings.role() == ServerRole.ALL) {
      try {
        syncRegistered();
      } catch (RuntimeException failed) {
        LOG.log(Level.WARNING, "Registered decoder nodes unreadable: {0}", failed.toString());
      }
    }
    for (DecoderNode node : nodes.values()) {
      if (node.startProbe()) {
        probes.execute(
            () -> {
              try {
                node.probed(probe(node));
              } finally {
                node.endProbe();
              }
            });
      }
    }
  }

  private static Decoder.Health probe(DecoderNode node) {
    try {
      return node.decoder.health();
    } catch (RuntimeException failed) {
      return Decoder.Health.down(failed.getClass().getSimpleName());
    }
  }

  private void syncRegistered() {
    List<NodeStore.Registered> registered = store.all();
    Set<String> ids = new HashSet<>();
    for (NodeStore.Registered row : registered) {
      String id = row.id().toString();
      ids.add(id);
      DecoderNode known = nodes.get(id);
      if (known == null) {
        known =
            node(
                id, URI.create(row.url()), row.kind(), row.apiKey(), DecoderNode.Origin.REGISTERED);
        add(known);
      }
      known.drained(row.drained());
    }
    for (DecoderNode node : List.copyOf(nodes.values())) {
      if (node.origin == DecoderNode.Origin.REGISTERED && !ids.contains(node.id)) {
        remove(node.id);
      }
    }
  }

  @Override
  public List<String> translate(String source, String target, List<String> segments) {
    return translate(new LanguagePair(source, target), segments).segments();
  }

  /**
   * Translates on the best node for the pair, retrying once elsewhere.
   *
   * @throws dev.monocle.platform.ProblemException 422 when no node knows the pair, 503 when none
   *     can serve it now
   */
  public Result translate(LanguagePair pair, List<String> segments) {
    Set<LanguagePair> known = knownPairs();
    if (!known.contains(pair)) {
      throw Segments.unsupported(pair, known);
    }
    long started = System.nanoTime();
    Set<DecoderNode> tried = new HashSet<>();
    try {
      for (int attempt = 0; attempt < 2; attempt++) {
        Entered entered = pick(pair, tried);
        if (entered == null) {
          break;
        }
        tried.add(entered.node());
        try {
          return translateOn(entered, pair, segments);
        } catch (DecoderException | IllegalArgumentException failed) {
          LOG.log(
              Level.WARNING,
              "Decoder node {0} failed {1}: {2}",
              new Object[] {entered.node().id, pair, failed.getMessage()});
        }
      }
      metrics.segments(pair, "failed", segments.size());
      throw Segments.unavailable(pair);
    } finally {
      metrics.request(pair, System.nanoTime() - started);
    }
  }

  /** A node a request entered, and what its circuit granted. */
  private record Entered(DecoderNode node, CircuitBreaker.Pass pass) {}

  private Result translateOn(Entered entered, LanguagePair pair, List<String> segments) {
    DecoderNode node = entered.node();
    boolean reported = false;
    try {
      String engine = node.decoder.engineVersion(pair);
      // a remote node's answers are cached under its id: no node can fill another's entries
      String version = node.kind == DecoderNode.Kind.LOCAL ? engine : node.id + "/" + engine;
      Map<Integer, String> cached = cache.lookup(pair, version, segments);
      List<String> answer = new ArrayList<>(segments);
      List<Integer> missing = new ArrayList<>();
      List<String> misses = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        String hit = cached.get(i);
        if (hit != null) {
          answer.set(i, hit);
        } else {
          missing.add(i);
          misses.add(segments.get(i));
        }
      }
      if (!misses.isEmpty()) {
        long start = System.nanoTime();
        List<String> translated;
        try {
          translated = node.decoder.translate(pair, misses);
          if (translated.size() != misses.size()) {
            throw new DecoderException("decoder answered the wrong number of segments", null);
          }
        } catch (DecoderException busy) {
          if (!busy.isBusy()) {
            node.circuit.failure(entered.pass());
            reported = true;
          }
          throw busy;
        } catch (RuntimeException failed) {
          node.circuit.failure(entered.pass());
          reported = true;
          throw failed;
        }
        node.circuit.success();
        reported = true;
        node.latency.record(System.nanoTime() - start);
        for (int i = 0; i < missing.size(); i++) {
          answer.set(missing.get(i), translated.get(i));
        }
        cache.store(pair, version, misses, translated);
      }
      metrics.segments(pair, "translated", misses.size());
      metrics.segments(pair, "cached", segments.size() - misses.size());
      return new Result(answer, engine, node.id);
    } finally {
      if (!reported) {
        node.circuit.abandon(entered.pass()); // the node was not tried: its trial stays free
      }
      node.exit();
    }
  }

  /** Power of two choices among the nodes that can serve the pair; the one picked is entered. */
  private Entered pick(LanguagePair pair, Set<DecoderNode> tried) {
    List<DecoderNode> candidates = new ArrayList<>();
    for (DecoderNode node : nodes.values()) {
      if (!tried.contains(node) && node.canServe(pair)) {
        candidates.add(node);
      }
    }
    while (!candidates.isEmpty()) {
      DecoderNode chosen;
      if (candidates.size() == 1) {
        chosen = candidates.get(0);
      } else {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int a = random.nextInt(candidates.size());
        int b = (a + 1 + random.nextInt(candidates.size() - 1)) % candidates.size();
        DecoderNode first = candidates.get(a);
        DecoderNode second = candidates.get(b);
        chosen = first.inFlight() <= second.inFlight() ? first : second;
      }
      CircuitBreaker.Pass pass = chosen.enter();
      if (pass != CircuitBreaker.Pass.REFUSED) {
        return new Entered(chosen, pass);
      }
      candidates.remove(chosen);
    }
    return null;
  }

  /** Every pair some node serves or served before it went away. */
  public Set<LanguagePair> knownPairs() {
    Set<LanguagePair> pairs = new TreeSet<>();
    nodes.values().forEach(node -> pairs.addAll(node.pairs()));
    return pairs;
  }

  /** The ids of the nodes that could serve {@code pair} now. */
  public List<String> servingNodes(LanguagePair pair) {
    return nodes.values().stream()
        .filter(node -> node.isHealthy() && !node.isDrained() && node.pairs().contains(pair))
        .map(node -> node.id)
        .sorted()
        .toList();
  }

  /**
   * Ready when started and, for every required pair (or, with none configured, for at least one
   * pair), some healthy, undrained node serves it.
   */
  public boolean isReady() {
    if (!started) {
      return false;
    }
    Set<LanguagePair> required = settings.requiredPairs();
    if (required.isEmpty()) {
      return nodes.values().stream().anyMatch(n -> n.isHealthy() && !n.isDrained());
    }
    return required.stream().allMatch(pair -> !servingNodes(pair).isEmpty());
  }

  List<DecoderNode> nodes() {
    return nodes.values().stream()
        .sorted(Comparator.comparing((DecoderNode n) -> n.origin).thenComparing(n -> n.id))
        .toList();
  }

  Optional<DecoderNode> find(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /** Probes one node now (after it was registered), so it serves without waiting for the round. */
  void probeNow(DecoderNode node) {
    node.probed(probe(node));
  }

  /** Adds a node registered through the admin API (or returns the one the health round added). */
  DecoderNode register(DecoderNode node) {
    return add(node);
  }

  private static long setting(Config config, String name, long fallback) {
    return config.getOptionalValue(name, Long.class).orElse(fallback);
  }

  private static Set<LanguagePair> pairsSetting(Config config, String name) {
    Set<LanguagePair> pairs = new TreeSet<>();
    for (String text : config.getOptionalValue(name, String.class).orElse("").split(",")) {
      LanguagePair pair = LanguagePair.parse(text.trim(), '-');
      if (pair != null) {
        pairs.add(pair);
      }
    }
    return pairs;
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
      probes.shutdownNow();
    }
  }
}
