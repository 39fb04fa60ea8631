package dev.monocle.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.audit.Retention;
import dev.monocle.auth.internal.AuthRetentionTasks;
import dev.monocle.catalog.internal.CustomerRetentionTasks;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.RetentionTask;
import dev.monocle.platform.internal.MutableClock;
import dev.monocle.platform.internal.TestDatabase;
import dev.monocle.platform.internal.TestLeases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on the database of this run (H2 or PostgreSQL) with a clock the test moves: each data
 * class purges exactly the rows that are due, nothing else, and every run leaves a verifiable audit
 * trail with one {@code retention.purged} event per class.
 */
class RetentionIT {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dir;
  private HikariDataSource pool;
  private final MutableClock clock = new MutableClock(NOW.minus(Duration.ofDays(500)));
  private TrailFixture audit;
  private RetentionRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    pool = TestDatabase.migrated("monocle_it_retention", dir);
    audit = new TrailFixture(pool, TestDatabase.engine(), clock, 5);
    // Twelve events 500 days ago (checkpoints after 5 and 10), three today.
    for (int i = 0; i < 12; i++) {
      audit.trail.record(TrailFixture.event("auth.login", "old", i));
    }
    clock.advance(Duration.ofDays(500));
    for (int i = 0; i < 3; i++) {
      audit.trail.record(TrailFixture.event("auth.login", "new", i));
    }
    List<RetentionTask> tasks = new ArrayList<>();
    tasks.add(audit.retention);
    tasks.addAll(AuthRetentionTasks.of(audit.database));
    tasks.addAll(CustomerRetentionTasks.of(audit.database, audit.trail, clock));
    runner = new RetentionRunner();
    runner.tasks = tasks;
    runner.database = audit.database;
    runner.clock = clock;
    runner.leases = TestLeases.on(pool, clock, "instance-a");
    runner.audit = audit.trail;
    runner.everyHours = 24;
    seed();
  }

  @AfterEach
  void tearDown() {
    audit.close();
    pool.close();
  }

  private void seed() throws SQLException {
    exec(
        "INSERT INTO auth_tenant (id, slug, name, status, created_at, updated_at, version)"
            + " VALUES ('t1', 'acme', 'Acme', 'active', ?, ?, 0)",
        ago(Duration.ofDays(900)),
        ago(Duration.ofDays(900)));
    // Lockouts: quiet for two days (due), failed an hour ago (not), locked until tomorrow (not).
    user("u-quiet", 3, ago(Duration.ofDays(2)), ago(Duration.ofDays(2)));
    user("u-recent", 3, ago(Duration.ofHours(1)), null);
    user("u-locked", 9, ago(Duration.ofDays(3)), NOW.plus(Duration.ofDays(1)));
    user("u-clean", 0, null, null);
    // Sessions: expired 31 days ago and revoked 40 days ago (due), expired 29 days ago, live.
    session("s-expired", ago(Duration.ofDays(31)), null);
    session("s-revoked", NOW.plus(Duration.ofDays(2)), ago(Duration.ofDays(40)));
    session("s-recent", ago(Duration.ofDays(29)), null);
    session("s-live", NOW.plus(Duration.ofDays(7)), null);
    // MFA challenges: expired two days ago (due), live for five more minutes (not).
    challenge("c-old", ago(Duration.ofDays(2)));
    challenge("c-live", NOW.plus(Duration.ofMinutes(5)));
    // Customers: inactive 1,100 days (due) and 1,000 days (not); face data without consent (due)
    // and with consent (kept).
    customer("k-gone", ago(Duration.ofDays(1100)), false, false);
    customer("k-stays", ago(Duration.ofDays(1000)), false, false);
    customer("k-face-no-consent", ago(Duration.ofDays(1)), true, false);
    customer("k-face-consent", ago(Duration.ofDays(1)), true, true);
  }

  @Test
  void eachClassPurgesExactlyWhatIsDueAndTheTrailStillVerifies() throws Exception {
    Map<String, Long> purged = counts(runner.runNow("admin-1", "platform"));
    assertEquals(
        Map.of(
            "audit_events", 10L,
            "biometric_without_consent", 1L,
            "inactive_customers", 1L,
            "lockout_counters", 1L,
            "mfa_challenges", 1L,
            "sessions", 2L),
        purged);

    assertEquals(List.of("s-live", "s-recent"), ids("auth_session"));
    assertEquals(List.of("rt-s-live", "rt-s-recent"), column("auth_refresh_token", "token_hash"));
    assertEquals(List.of("c-live"), ids("auth_mfa_challenge"));
    assertEquals(
        List.of("u-clean:0", "u-locked:9", "u-quiet:0", "u-recent:3"),
        column("auth_user", "id || ':' || failed_logins"));
    assertEquals(
        List.of("k-face-consent", "k-face-no-consent", "k-stays"), ids("catalog_customer"));
    assertEquals(
        List.of("k-face-consent"), column("catalog_customer WHERE face_shape IS NOT NULL", "id"));
    assertEquals(11, min("seq", "audit_event"), "events up to the checkpoint at 10 are gone");

    ChainVerifier.Result verified = audit.verify();
    assertTrue(verified.valid(), verified.reason());
    assertEquals(
        List.of(
            "audit_events",
            "biometric_without_consent",
            "inactive_customers",
            "lockout_counters",
            "mfa_challenges",
            "sessions"),
        column("audit_event WHERE action = 'retention.purged'", "target_id"));
    assertEquals(
        List.of("k-gone"), column("audit_event WHERE action = 'customer.erased'", "target_id"));
    for (String reason : column("audit_event WHERE action = 'retention.purged'", "reason")) {
      assertTrue(reason.startsWith("manual run purged "), reason);
    }

    // A second run finds nothing more, and the trail still verifies.
    assertEquals(
        0L,
        counts(runner.runNow("admin-1", "platform")).values().stream()
            .mapToLong(Long::longValue)
            .sum());
    assertTrue(audit.verify().valid());
  }

  @Test
  void aShorterPeriodSetByAnAdministratorTakesEffectAndBadPeriodsAreRefused() throws Exception {
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () -> runner.update(Map.of("sessions", 0L, "bogus", 5L), "admin-1", "platform"));
    assertEquals(400, refused.status());
    assertEquals(
        List.of("policies.bogus", "policies.sessions"),
        refused.errors().stream().map(ProblemException.FieldError::field).sorted().toList());
    assertEquals(4, ids("auth_session").size(), "nothing changed or purged");

    Retention.Overview overview = runner.update(Map.of("sessions", 10L), "admin-1", "platform");
    Retention.Policy sessions =
        overview.policies().stream()
            .filter(p -> p.dataClass().equals("sessions"))
            .findFirst()
            .orElseThrow();
    assertEquals(10, sessions.periodDays());
    assertEquals(30, sessions.defaultDays());
    assertEquals("updated", sessions.source());
    assertEquals(3L, counts(runner.runNow("admin-1", "platform")).get("sessions"));
    assertEquals(List.of("s-live"), ids("auth_session"));
  }

  @Test
  void theScheduleRunsOncePerPeriodAndOneInstanceAtATime() throws Exception {
    RetentionRunner other = new RetentionRunner();
    other.tasks = runner.tasks;
    other.database = runner.database;
    other.clock = clock;
    other.leases = TestLeases.on(pool, clock, "instance-b");
    other.audit = runner.audit;
    other.everyHours = 24;

    try (var held =
        other.leases.tryAcquire(RetentionRunner.LEASE, Duration.ofMinutes(30)).orElseThrow()) {
      assertFalse(runner.runIfDue(), "instance b holds the lease");
      assertThrows(ProblemException.class, () -> runner.runNow("admin-1", "platform"));
      assertThrows(
          ProblemException.class,
          () -> other.runNow("admin-1", "platform"),
          "not even b itself runs twice at once");
    }

    assertTrue(runner.runIfDue());
    assertFalse(other.runIfDue(), "ran less than 24 hours ago");
    clock.advance(Duration.ofHours(25));
    assertTrue(other.runIfDue());
    assertEquals(NOW.plus(Duration.ofHours(25)), runner.overview().lastScheduledRun());
  }

  private static Map<String, Long> counts(List<Retention.Run> runs) {
    Map<String, Long> counts = new TreeMap<>();
    for (Retention.Run run : runs) {
      assertEquals("success", run.outcome(), run.toString());
      counts.put(run.dataClass(), run.purged());
    }
    return counts;
  }

  private static Instant ago(Duration d) {
    return NOW.minus(d);
  }

  private void user(String id, int failed, Instant lastFailed, Instant lockedUntil)
      throws SQLException {
    exec(
        "INSERT INTO auth_user (id, tenant_id, username, password_hash, disabled, mfa_enabled,"
            + " mfa_last_step, failed_logins, locked_until, last_failed_login_at,"
            + " password_changed_at, created_at, updated_at, version) VALUES (?, 't1', ?, 'x',"
            + " FALSE, FALSE, 0, ?, ?, ?, ?, ?, ?, 0)",
        id,
        id,
        failed,
        lockedUntil,
        lastFailed,
        ago(Duration.ofDays(100)),
        ago(Duration.ofDays(100)),
        ago(Duration.ofDays(100)));
  }

  private void session(String id, Instant expires, Instant revoked) throws SQLException {
    exec(
        "INSERT INTO auth_session (id, user_id, tenant_id, amr, created_at, expires_at,"
            + " last_used_at, revoked_at) VALUES (?, 'u-clean', 't1', 'pwd', ?, ?, ?, ?)",
        id,
        ago(Duration.ofDays(60)),
        expires,
        ago(Duration.ofDays(45)),
        revoked);
    exec(
        "INSERT INTO auth_refresh_token (token_hash, session_id, issued_at, expires_at) VALUES"
            + " (?, ?, ?, ?)",
        "rt-" + id,
        id,
        ago(Duration.ofDays(45)),
        expires);
  }

  private void challenge(String id, Instant expires) throws SQLException {
    exec(
        "INSERT INTO auth_mfa_challenge (id, user_id, purpose, expires_at, failures) VALUES"
            + " (?, 'u-clean', 'login', ?, 0)",
        id,
        expires);
  }

  private void customer(String id, Instant lastActivity, boolean face, boolean consent)
      throws SQLException {
    byte[] sealedLooking = {1, 2, 3, 4, 5, 6};
    exec(
        "INSERT INTO catalog_customer (id, tenant_id, face_shape, face_width_mm,"
            + " consent_marketing, consent_biometric, created_at, updated_at, last_activity_at,"
            + " version) VALUES (?, 't1', ?, ?, FALSE, ?, ?, ?, ?, 0)",
        id,
        face ? sealedLooking : null,
        face ? sealedLooking : null,
        consent,
        lastActivity,
        lastActivity,
        lastActivity);
  }

  private void exec(String sql, Object... params) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof Instant instant) {
          s.setObject(i + 1, JdbcTime.toColumn(instant));
        } else if (p instanceof byte[] bytes) {
          s.setBytes(i + 1, bytes);
        } else if (p == null) {
          s.setObject(i + 1, null);
        } else {
          s.setObject(i + 1, p);
        }
      }
      s.executeUpdate();
    }
  }

  private List<String> ids(String table) throws SQLException {
    return column(table, "id");
  }

  private List<String> column(String from, String expression) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + expression + " FROM " + from);
        ResultSet rs = s.executeQuery()) {
      TreeSet<String> values = new TreeSet<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return List.copyOf(values);
    }
  }

  private long min(String column, String table) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT min(" + column + ") FROM " + table);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
