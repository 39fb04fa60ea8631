package dev.monocle.audit.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.RetentionTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention of the trail itself, as the data class {@code audit_events}: events older than the
 * period (default {@code monocle.audit.retention.days}, 400) are pruned, but only up to the newest
 * signed checkpoint among them, so that the remaining trail still verifies from that checkpoint. On
 * PostgreSQL the one way to delete audit events is the function {@code audit_prune(seq)} (which
 * refuses anything a checkpoint does not cover). The retention runner records each run.
 */
@ApplicationScoped
public class AuditRetention implements RetentionTask {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @Inject Database database;

  @Inject
  @ConfigProperty(name = "monocle.audit.retention.days", defaultValue = "400")
  int retentionDays;

  /** What a run pruned: nothing ({@code events == 0}) or the events up to {@code throughSeq}. */
  public record Purge(long events, long throughSeq, Instant cutoff) {}

  /** The shortest retention accepted; PostgreSQL's {@code audit_prune} enforces it as well. */
  static final int MINIMUM_DAYS = 30;

  /** Refuses a configured retention shorter than {@link #MINIMUM_DAYS}. */
  void checkSettings() {
    if (retentionDays < MINIMUM_DAYS) {
      throw new IllegalStateException(
          "monocle.audit.retention.days must be at least " + MINIMUM_DAYS);
    }
  }

  @Override
  public Policy policy() {
    return new Policy(
        "audit_events",
        "Audit events older than the period are pruned up to the newest signed checkpoint"
            + " among them, so the rest still verifies; the period covers a year of investigations"
            + " and annual reviews with a month to spare.",
        Duration.ofDays(retentionDays),
        Duration.ofDays(MINIMUM_DAYS),
        true);
  }

  @Override
  public Purged purgeBefore(Instant cutoff) {
    Purge purge = purge(cutoff);
    return new Purged(purge.events(), purge.events() == 0 ? null : "seq 1.." + purge.throughSeq());
  }

  /** Prunes the events before {@code cutoff} that a checkpoint covers. */
  public Purge purge(Instant cutoff) {
    Purge purge;
    try {
      purge = database.inJdbcTransaction(c -> purge(c, cutoff));
    } catch (SQLException e) {
      throw new IllegalStateException("audit retention failed", e);
    }
    if (purge.events() > 0) {
      LOG.info(
          () ->
              "Audit retention pruned "
                  + purge.events()
                  + " events through seq "
                  + purge.throughSeq());
    }
    return purge;
  }

  private Purge purge(Connection c, Instant cutoff) throws SQLException {
    long through = newestCheckpointBefore(c, cutoff);
    if (through == 0) {
      return new Purge(0, 0, cutoff);
    }
    long pruned;
    if (database.engine() == Database.Engine.POSTGRESQL) {
      try (PreparedStatement prune = c.prepareStatement("SELECT audit_prune(?)")) {
        prune.setLong(1, through);
        try (ResultSet rs = prune.executeQuery()) {
          rs.next();
          pruned = rs.getLong(1);
        }
      }
    } else {
      try (PreparedStatement prune = c.prepareStatement("DELETE FROM audit_event WHERE seq <= ?")) {
        prune.setLong(1, through);
        pruned = prune.executeUpdate();
      }
    }
    return new Purge(pruned, through, cutoff);
  }

  /**
   * The newest checkpoint whose event is older than the cutoff and still stored (0 if none): the
   * events up to it may go, and it anchors what remains.
   */
  private static long newestCheckpointBefore(Connection c, Instant cutoff) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT max(k.seq) FROM audit_checkpoint k JOIN audit_event e ON e.seq = k.seq"
                + " WHERE e.at < ?")) {
      q.setObject(1, JdbcTime.toColumn(cutoff));
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
