package dev.monocle.translation.internal;

import dev.monocle.decoding.LanguagePair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The translation metrics of the contract, at {@code /metrics}: {@code translation_segments_total}
 * by pair and outcome ({@code translated}, {@code cached}, {@code failed}), the request latency
 * histogram {@code translation_request_seconds}, and per node {@code decoder_node_up}, {@code
 * decoder_node_in_flight} and {@code decoder_node_circuit_state} (0 closed, 1 half-open, 2 open).
 */
@ApplicationScoped
public class TranslationMetrics {

  private static final String[] NODE_GAUGES = {
    "decoder_node_up", "decoder_node_in_flight", "decoder_node_circuit_state"
  };

  @Inject MetricRegistry registry;

  void segments(LanguagePair pair, String outcome, int count) {
    if (count > 0) {
      registry
          .counter(
              "translation_segments", new Tag("pair", pair.toString()), new Tag("outcome", outcome))
          .inc(count);
    }
  }

  void request(LanguagePair pair, long elapsedNanos) {
    registry
        .timer("translation_request", new Tag("pair", pair.toString()))
        .update(Duration.ofNanos(elapsedNanos));
  }

  void watch(DecoderNode node) {
    Tag tag = new Tag("node", node.id);
    registry.gauge(NODE_GAUGES[0], node, n -> n.isHealthy() ? 1 : 0, tag);
    registry.gauge(NODE_GAUGES[1], node, DecoderNode::inFlight, tag);
    registry.gauge(
        NODE_GAUGES[2],
        node,
        n ->
            n.circuit.state().ordinal() == 0
                ? 0
                : n.circuit.state() == CircuitBreaker.State.HALF_OPEN ? 1 : 2,
        tag);
  }

  void forget(DecoderNode node) {
    for (String name : NODE_GAUGES) {
      registry.remove(new MetricID(name, new Tag("node", node.id)));
    }
  }
}
