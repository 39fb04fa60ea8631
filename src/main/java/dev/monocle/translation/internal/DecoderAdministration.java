package dev.monocle.translation.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.AccessControl;
import dev.monocle.auth.Caller;
import dev.monocle.decoding.LanguagePair;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The decoder pool as platform admins manage it: list, register, drain and remove nodes. Every
 * change is an audit event. The local engine and configured nodes can be drained (on this instance)
 * but not removed: they come from the instance's settings.
 */
@ApplicationScoped
public class DecoderAdministration {

  @Inject Coordinator coordinator;
  @Inject NodeStore store;
  @Inject AccessControl access;
  @Inject AuditTrail audit;

  /** A node as admins see it. */
  public record NodeView(
      String id,
      String url,
      String kind,
      String origin,
      List<String> pairs,
      boolean healthy,
      int inFlight,
      Double latencyMsP50,
      Double latencyMsP95,
      String circuit,
      boolean drained) {
    public NodeView {
      pairs = List.copyOf(pairs);
    }
  }

  public List<NodeView> list() {
    return coordinator.nodes().stream().map(DecoderAdministration::view).toList();
  }

  public NodeView get(String id) {
    return view(require(id));
  }

  /**
   * Registers a node and probes it at once.
   *
   * @throws ProblemException 400 for an invalid address, kind or key, 409 for a known address
   */
  public NodeView register(String url, String kind, String apiKey) {
    List<FieldError> errors = new ArrayList<>();
    URI address = null;
    try {
      address = NodeAddresses.parse(url);
    } catch (IllegalArgumentException invalid) {
      errors.add(new FieldError("url", invalid.getMessage()));
    }
    if (!"monocle".equals(kind) && !"apy".equals(kind)) {
      errors.add(new FieldError("kind", "must be monocle or apy"));
    } else if ("monocle".equals(kind)
        && (apiKey == null || apiKey.isBlank() || apiKey.length() > 512)) {
      errors.add(new FieldError("api_key", "a Monocle node needs its API key (decoder:node)"));
    } else if ("apy".equals(kind) && apiKey != null) {
      errors.add(new FieldError("api_key", "an APy node takes no API key"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    String normalised = address.toString();
    boolean taken = coordinator.nodes().stream().anyMatch(node -> normalised.equals(node.url));
    UUID id = UUID.randomUUID();
    Caller caller = access.caller();
    if (taken || !store.insert(id, normalised, kind, apiKey, uuidOrNull(caller.id()))) {
      throw ProblemException.conflict(
          "A decoder node with this address is registered.", new FieldError("url", "taken"));
    }
    DecoderNode node =
        coordinator.register(
            coordinator.node(id.toString(), address, kind, apiKey, DecoderNode.Origin.REGISTERED));
    coordinator.probeNow(node);
    record("translation.decoder_registered", caller, node.id);
    return view(node);
  }

  public NodeView drain(String id, boolean drained) {
    DecoderNode node = require(id);
    if (node.origin == DecoderNode.Origin.REGISTERED) {
      store.setDrained(UUID.fromString(id), drained);
    }
    node.drained(drained);
    record(
        drained ? "translation.decoder_drained" : "translation.decoder_undrained",
        access.caller(),
        id);
    return view(node);
  }

  public void remove(String id) {
    DecoderNode node = require(id);
    if (node.origin != DecoderNode.Origin.REGISTERED) {
      throw new ProblemException(
          409,
          "conflict",
          "Conflict",
          "This node comes from the instance's settings; drain it or change the settings.");
    }
    store.delete(UUID.fromString(id));
    coordinator.remove(id);
    record("translation.decoder_removed", access.caller(), id);
  }

  private DecoderNode require(String id) {
    if (id == null || id.length() > 64) {
      throw ProblemException.notFound();
    }
    return coordinator.find(id).orElseThrow(ProblemException::notFound);
  }

  private void record(String action, Caller caller, String nodeId) {
    audit.record(
        AuditEvent.success(
            action, caller.actor(), caller.tenantId(), Target.of("decoder", nodeId)));
  }

  private static UUID uuidOrNull(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException notUuid) {
      return null;
    }
  }

  private static NodeView view(DecoderNode node) {
    return new NodeView(
        node.id,
        node.url,
        node.kind.wireName(),
        node.origin.name().toLowerCase(java.util.Locale.ROOT),
        node.pairs().stream().sorted().map(LanguagePair::toString).toList(),
        node.isHealthy(),
        node.inFlight(),
        node.latency.percentileMillis(50),
        node.latency.percentileMillis(95),
        node.circuit.state().wireName(),
        node.isDrained());
  }
}
