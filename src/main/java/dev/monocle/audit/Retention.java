package dev.monocle.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Retention policies of every data class and their runs, as administrators see and change them.
 * Every run records one {@code retention.purged} event per class with its count.
 */
public interface Retention {

  /** A finished run of one class. */
  record Run(
      String dataClass,
      String trigger,
      Instant startedAt,
      Instant cutoff,
      long purged,
      String outcome) {}

  /**
   * A class's policy: {@code periodDays} applies ({@code source} says whether it is the configured
   * default or an administrator's change); {@code lastRun} may be null.
   */
  record Policy(
      String dataClass,
      String description,
      long periodDays,
      long defaultDays,
      long minimumDays,
      boolean adjustable,
      String source,
      Run lastRun) {}

  /** The policies, and when the schedule runs them. */
  record Overview(List<Policy> policies, long everyHours, Instant lastScheduledRun) {
    public Overview {
      policies = List.copyOf(policies);
    }
  }

  Overview overview();

  /**
   * Sets periods (days) by class. Unknown classes, fixed classes and periods below the minimum are
   * refused as a whole with a problem naming each. Recorded as {@code admin.retention_updated}.
   */
  Overview update(Map<String, Long> periodDays, String actorId, String tenantId);

  /**
   * Runs every class now, on this instance, unless another instance is running them (then a 409
   * problem).
   */
  List<Run> runNow(String actorId, String tenantId);
}
