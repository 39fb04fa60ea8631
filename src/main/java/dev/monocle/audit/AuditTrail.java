package dev.monocle.audit;

/**
 * The one way modules report security-relevant facts. {@link #record} is durable: the event is
 * committed (and chained) before it returns, so an event is never lost with the response.
 */
public interface AuditTrail {

  void record(AuditEvent event);

  /**
   * For high-volume events (authorization allows): queued and appended in batches shortly after.
   * The queue is bounded; an overflow is counted and logged, never silent. Flushed on shutdown.
   */
  void recordSoon(AuditEvent event);
}
