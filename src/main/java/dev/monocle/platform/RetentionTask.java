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

  /**
   * A data class and its period: {@code dataClass} is a stable name ({@code sessions}), {@code
   * description} says in one sentence what goes and why the default; {@code adjustable} is false
   * when the period is fixed elsewhere (a cache's expiry) and a run only reports it.
   */
  record Policy(
      String dataClass,
      String description,
      Duration defaultPeriod,
      Duration minimumPeriod,
      boolean adjustable) {}

  Policy policy();

  /** Purges what is older than {@code cutoff}, committed before it returns. */
  Purged purgeBefore(Instant cutoff);
}
