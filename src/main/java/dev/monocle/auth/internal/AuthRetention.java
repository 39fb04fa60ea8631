package dev.monocle.auth.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.RetentionTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The auth module's data classes under retention: ended sessions, MFA challenges, lockouts. */
final class AuthRetention {

  private AuthRetention() {}

  /** Runs statements in one transaction and returns the update count of the last one. */
  static long inTransaction(Database database, Instant cutoff, String... statements) {
    try {
      return database.inJdbcTransaction(
          c -> {
            long count = 0;
            for (String sql : statements) {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                int marks = (int) sql.chars().filter(ch -> ch == '?').count();
                for (int i = 1; i <= marks; i++) {
                  s.setObject(i, JdbcTime.toColumn(cutoff));
                }
                count = s.executeUpdate();
              }
            }
            return count;
          });
    } catch (SQLException e) {
      throw new IllegalStateException("auth retention failed", e);
    }
  }

  /**
   * Sessions that expired or were revoked longer ago than the period, with their refresh-token
   * hashes. A live session keeps its spent tokens: they are how reuse is detected.
   */
  @ApplicationScoped
  public static class Sessions implements RetentionTask {

    @Inject Database database;

    @Inject
    @ConfigProperty(name = "monocle.retention.sessions.days", defaultValue = "30")
    long days;

    @Override
    public Policy policy() {
      return new Policy(
          "sessions",
          "Sessions and their refresh-token hashes, once the session expired or was revoked"
              + " longer ago than the period; a month covers investigating an incident reported late.",
          Duration.ofDays(days),
          Duration.ofDays(1),
          true);
    }

    @Override
    public Purged purgeBefore(Instant cutoff) {
      String ended = "SELECT id FROM auth_session WHERE expires_at < ? OR revoked_at < ?";
      return Purged.of(
          inTransaction(
              database,
              cutoff,
              "DELETE FROM auth_refresh_token WHERE session_id IN (" + ended + ")",
              "DELETE FROM auth_session WHERE expires_at < ? OR revoked_at < ?"));
    }
  }

  /** MFA challenges (the state behind an {@code mfa_token}) past their expiry. */
  @ApplicationScoped
  public static class MfaChallenges implements RetentionTask {

    @Inject Database database;

    @Inject
    @ConfigProperty(name = "monocle.retention.mfa-challenges.days", defaultValue = "1")
    long days;

    @Override
    public Policy policy() {
      return new Policy(
          "mfa_challenges",
          "MFA challenges a day after they expired (they live 5 minutes); they hold no secret,"
              + " only which user was asked.",
          Duration.ofDays(days),
          Duration.ofDays(1),
          true);
    }

    @Override
    public Purged purgeBefore(Instant cutoff) {
      return Purged.of(
          inTransaction(database, cutoff, "DELETE FROM auth_mfa_challenge WHERE expires_at < ?"));
    }
  }

  /** Failed-sign-in counters and lockouts that have been quiet for the period are reset. */
  @ApplicationScoped
  public static class LockoutCounters implements RetentionTask {

    @Inject Database database;

    @Inject
    @ConfigProperty(name = "monocle.retention.lockout-counters.days", defaultValue = "1")
    long days;

    @Override
    public Policy policy() {
      return new Policy(
          "lockout_counters",
          "Failed sign-in counters and lockouts, reset when the last failure and the lock are"
              + " older than the period; a day keeps the growing lock time against slow guessing.",
          Duration.ofDays(days),
          Duration.ofDays(1),
          true);
    }

    @Override
    public Purged purgeBefore(Instant cutoff) {
      return Purged.of(
          inTransaction(
              database,
              cutoff,
              "UPDATE auth_user SET failed_logins = 0, locked_until = NULL,"
                  + " last_failed_login_at = NULL, version = version + 1"
                  + " WHERE (failed_logins > 0 OR locked_until IS NOT NULL)"
                  + " AND (last_failed_login_at IS NULL OR last_failed_login_at < ?)"
                  + " AND (locked_until IS NULL OR locked_until < ?)"));
    }
  }
}
