package dev.monocle.audit;

import java.util.List;

/**
 * The one way modules report security-relevant facts. {@link #record} is durable: the event is
 * committed (and chained) before it returns, so an event is never lost with the response.
 */
public interface AuditTrail {

  void record(AuditEvent event);

  /** Like {@link #record} for several events, committed together (one wait for all of them). */
  void recordAll(List<AuditEvent> events);

  /**
   * For high-volume events (authorization allows): queued and appended in batches shortly after.
   * The queue is bounded; an overflow is counted and logged, never silent. Flushed on shutdown.
   */
  void recordSoon(AuditEvent event);
}
