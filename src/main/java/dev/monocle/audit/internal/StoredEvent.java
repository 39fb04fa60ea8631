package dev.monocle.audit.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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
