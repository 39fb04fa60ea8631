package dev.monocle.translation.internal;

import dev.monocle.decoding.Decoder;
import dev.monocle.decoding.LanguagePair;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A decoder node as the coordinator sees it: the engine, what its last probe said, how many
 * requests it has in flight (bounded), its circuit, its recent latencies and whether an admin
 * drained it. The pairs of a node that went down are remembered, so its pairs stay known (503, not
 * 422) while it is away.
 */
final class DecoderNode {

  enum Kind {
    LOCAL,
    MONOCLE,
    APY;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a node comes from: the instance itself, configuration, or the admin API. */
  enum Origin {
    LOCAL,
    CONFIGURED,
    REGISTERED
  }

  final String id;
  final String url;
  final Kind kind;
  final Origin origin;
  final Decoder decoder;
  final CircuitBreaker circuit;
  final LatencyWindow latency = new LatencyWindow(256);
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean probing =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean healthy;
  private volatile boolean drained;
  private volatile Set<LanguagePair> pairs = Set.of();

  DecoderNode(
      String id,
      String url,
      Kind kind,
      Origin origin,
      Decoder decoder,
      CircuitBreaker circuit,
      int maxInFlight) {
    this.id = id;
    this.url = url;
    this.kind = kind;
    this.origin = origin;
    this.decoder = decoder;
    this.circuit = circuit;
    this.maxInFlight = maxInFlight;
  }

  /** Whether routing may consider this node for {@code pair} now. */
  boolean canServe(LanguagePair pair) {
    return healthy
        && !drained
        && pairs.contains(pair)
        && inFlight.get() < maxInFlight
        && circuit.isPassable();
  }

  /**
   * Claims a slot for one request: {@code REFUSED} when the node is full or its circuit refuses;
   * otherwise the caller must {@link #exit} and report the pass to the circuit.
   */
  CircuitBreaker.Pass enter() {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return CircuitBreaker.Pass.REFUSED;
    }
    CircuitBreaker.Pass pass = circuit.tryPass();
    if (pass == CircuitBreaker.Pass.REFUSED) {
      inFlight.decrementAndGet();
    }
    return pass;
  }

  void exit() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  boolean isHealthy() {
    return healthy;
  }

  boolean isDrained() {
    return drained;
  }

  void drained(boolean value) {
    drained = value;
  }

  Set<LanguagePair> pairs() {
    return pairs;
  }

  /** Claims the node's probe; false while an earlier probe is still out. */
  boolean startProbe() {
    return probing.compareAndSet(false, true);
  }

  void endProbe() {
    probing.set(false);
  }

  /** Takes a probe's answer: liveness, and the pairs when the node is up. */
  void probed(Decoder.Health health) {
    if (health.up()) {
      pairs = health.pairs();
      circuit.probeSucceeded();
    } else {
      circuit.probeFailed();
    }
    healthy = health.up() && !health.pairs().isEmpty();
  }
}
