package dev.monocle.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * One class of data that Monocle keeps only for a while (sessions, audit events, inactive customers
 * ...), implemented by the module that owns it as a CDI bean. The audit module's retention runner
 * finds every task, applies the period an administrator set (or the default), and records what each
 * run purged as a {@code retention.purged} event.
 */
public interface RetentionTask {

  /**
   * What a run purged: how many items, and a detail for the audit event (ids or ranges, no PII).
   */
  record Purged(long count, String detail) {
    public static Purged of(long count) {
      return new Purged(count, null);
    }
  }

  /** The data class's stable name, e.g. {@code sessions}. */
  String dataClass();

  /** What is purged, when, and why that default, in one sentence for administrators. */
  String description();

  /** The period when no administrator changed it (from configuration). */
  Duration defaultPeriod();

  /** The shortest period accepted. */
  Duration minimumPeriod();

  /** False when the period is fixed elsewhere (a cache's expiry) and a run only reports it. */
  default boolean adjustable() {
    return true;
  }

  /** Purges what is older than {@code cutoff}, committed before it returns. */
  Purged purgeBefore(Instant cutoff);
}
