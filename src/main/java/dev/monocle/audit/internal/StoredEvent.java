package dev.monocle.audit.internal;

import dev.monocle.audit.AuditEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An event as the trail stores it, with its place in the chain. */
public record StoredEvent(
    long seq,
    String id,
    Instant at,
    String tenantId,
    String actorType,
    String actorId,
    String action,
    String targetType,
    String targetId,
    String outcome,
    String reason,
    String requestId,
    String clientIp) {

  private static final int MAX_REASON = 500;

  /**
   * An event as reported, at its place in the chain, with a new id. Every column is bounded: a
   * longer value is cut, never a reason to lose the event.
   */
  static StoredEvent of(long seq, Instant at, AuditEvent event, String requestId, String clientIp) {
    return new StoredEvent(
        seq,
        UUID.randomUUID().toString(),
        at,
        bounded(event.tenantId(), 36),
        bounded(event.actor().type(), 16),
        bounded(event.actor().id(), 64),
        bounded(event.action(), 64),
        bounded(event.target().type(), 64),
        bounded(event.target().id(), 128),
        event.outcome().wireName(),
        bounded(event.reason(), MAX_REASON),
        bounded(requestId, 64),
        bounded(clientIp, 64));
  }

  private static String bounded(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  List<String> canonicalFields() {
    return Arrays.asList(
        Long.toString(seq),
        id,
        at.toString(),
        tenantId,
        actorType,
        actorId,
        action,
        targetType,
        targetId,
        outcome,
        reason,
        requestId,
        clientIp);
  }
}
