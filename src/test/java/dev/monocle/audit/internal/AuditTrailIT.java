package dev.monocle.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.it.TestDatabases;
import dev.monocle.platform.Database.Engine;
import dev.monocle.platform.internal.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail against the database engine of this run (an H2 file, or PostgreSQL): an attacker with
 * write access to the database (here: the table owner, who can switch the triggers off) rewrites it
 * in every way, and verification finds where; the PostgreSQL triggers refuse edits through the
 * application's connection; retention keeps the rest verifiable; two instances append at once.
 */
class AuditTrailIT {

  private static final String DB = "monocle_it_audit";

  @TempDir Path dir;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<TrailFixture> fixtures = new ArrayList<>();
  private HikariDataSource pool;
  private Engine engine;

  @BeforeEach
  void freshDatabase() {
    engine = TestDatabases.isPostgres() ? Engine.POSTGRESQL : Engine.H2;
    if (engine == Engine.POSTGRESQL) {
      TestDatabases.recreate(DB);
    }
    pool = pool();
    new Migrations(pool, engine).migrate();
  }

  @AfterEach
  void close() {
    fixtures.forEach(TrailFixture::close);
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void anUntouchedTrailIsValid() throws Exception {
    TrailFixture audit = fiftyEvents();
    ChainVerifier.Result r = audit.verify();
    assertTrue(r.valid(), r.reason());
    assertEquals(50, r.checked());
    assertEquals(5, count("audit_checkpoint"), "a checkpoint every 10 events");
  }

  @Test
  void aChangedFieldIsFound() throws Exception {
    TrailFixture audit = fiftyEvents();
    asOwner("UPDATE audit_event SET actor_id = 'mallory' WHERE seq = 17");
    assertInvalidAt(17, audit.verify());
  }

  @Test
  void aDeletedRowIsFound() throws Exception {
    TrailFixture audit = fiftyEvents();
    asOwner("DELETE FROM audit_event WHERE seq = 25");
    assertInvalidAt(25, audit.verify());
  }

  @Test
  void twoSwappedRowsAreFound() throws Exception {
    TrailFixture audit = fiftyEvents();
    EventRow at31 = rows(31, 31).get(0);
    EventRow at34 = rows(34, 34).get(0);
    asOwner("DELETE FROM audit_event WHERE seq IN (31, 34)");
    insert(TrailFixture.withSeq(at34, 31));
    insert(TrailFixture.withSeq(at31, 34));
    assertInvalidAt(31, audit.verify());
  }

  @Test
  void aTruncatedTailIsFound() throws Exception {
    TrailFixture audit = fiftyEvents();
    asOwner("DELETE FROM audit_event WHERE seq > 44");
    assertInvalidAt(45, audit.verify());
  }

  @Test
  void aTailRewrittenWithRecomputedHashesIsFoundByTheCheckpoints() throws Exception {
    TrailFixture audit = fiftyEvents();
    List<EventRow> tail = rows(23, 50);
    asOwner("DELETE FROM audit_event WHERE seq >= 23");
    String previous = tail.get(0).prevHash();
    EventHash hasher = new EventHash();
    for (EventRow row : tail) {
      StoredEvent e = row.event();
      StoredEvent forged = row.seq() == 23 ? TrailFixture.withAction(e, "nothing.happened") : e;
      String hash = hasher.hash(previous, forged);
      insert(new EventRow(forged, previous, hash));
      previous = hash;
    }
    asOwner("UPDATE audit_chain_head SET hash = '" + previous + "' WHERE id = 1");
    // Every link holds; the signed checkpoint at 30 does not: the rewrite lies after 20.
    assertInvalidAt(21, audit.verify());
  }

  @Test
  void postgresRefusesEditsThroughTheApplicationsConnection() throws Exception {
    assumeTrue(engine == Engine.POSTGRESQL, "the triggers are PostgreSQL's");
    fiftyEvents();
    for (String edit :
        List.of(
            "UPDATE audit_event SET reason = 'x' WHERE seq = 3",
            "DELETE FROM audit_event WHERE seq = 50",
            "TRUNCATE audit_event",
            "UPDATE audit_checkpoint SET hash = 'x' WHERE seq = 10",
            "DELETE FROM audit_checkpoint",
            "UPDATE audit_chain_head SET seq = 3",
            "DELETE FROM audit_chain_head",
            "SELECT audit_prune(12)")) {
      SQLException refused =
          assertThrows(SQLException.class, () -> execute(pool, edit), "refused: " + edit);
      assertEquals("42501", refused.getSQLState(), edit + ": " + refused.getMessage());
    }
    // Setting the prune flag by hand does not open the trail beyond what a checkpoint covers.
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL monocle.audit_prune = 'on'");
        assertThrows(
            SQLException.class, () -> s.executeUpdate("DELETE FROM audit_event WHERE seq = 50"));
      }
      c.rollback();
    }
    assertEquals(50, count("audit_event"));
    assertTrue(fixtures.get(0).verify().valid());
  }

  @Test
  void retentionPrunesOnlyWhatACheckpointCoversAndTheRestStillVerifies() throws Exception {
    byte[] secret = TrailFixture.randomSecret();
    Clock longAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-500));
    TrailFixture old = fixture(longAgo, 10, secret);
    for (int i = 0; i < 25; i++) {
      old.trail.record(TrailFixture.event("auth.login", "old", i));
    }
    TrailFixture now = fixture(Clock.systemUTC(), 10, secret);
    for (int i = 0; i < 15; i++) {
      now.trail.record(TrailFixture.event("auth.login", "new", i));
    }
    Instant cutoff = Instant.now().minus(Duration.ofDays(400));
    AuditRetention.Purge purge = now.retention.purge(cutoff);
    assertEquals(20, purge.throughSeq(), "events 21..25 are old but no checkpoint covers them yet");
    assertEquals(20, purge.events());
    assertEquals(21, min("audit_event"));
    ChainVerifier.Result r = now.verify();
    assertTrue(r.valid(), r.reason());
    assertEquals(20, r.checked(), "21..40");
    assertEquals(0, now.retention.purge(cutoff).events(), "nothing more is covered");
  }

  @Test
  void twoInstancesAppendingAtOnceKeepOneValidChain() throws Exception {
    byte[] secret = TrailFixture.randomSecret();
    TrailFixture first = fixture(Clock.systemUTC(), 100, secret);
    TrailFixture second = fixture(Clock.systemUTC(), 100, secret);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      TrailFixture instance = t % 2 == 0 ? first : second;
      int thread = t;
      done.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 250; i++) {
                  if (i % 2 == 0) {
                    instance.trail.record(TrailFixture.event("test.event", "t" + thread, i));
                  } else {
                    instance.trail.recordSoon(TrailFixture.event("test.event", "t" + thread, i));
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    threads.shutdown();
    first.close();
    second.close();
    ChainVerifier.Result r = first.verify();
    assertTrue(r.valid(), r.reason());
    assertEquals(2000, r.checked());
    assertTrue(count("audit_checkpoint") >= 10, "both instances checkpoint");
  }

  private TrailFixture fiftyEvents() {
    TrailFixture audit = fixture(Clock.systemUTC(), 10, TrailFixture.randomSecret());
    for (int i = 0; i < 50; i++) {
      audit.trail.record(TrailFixture.event("auth.login", "u" + (i % 4), i));
    }
    return audit;
  }

  private TrailFixture fixture(Clock clock, long checkpointEvery, byte[] secret) {
    TrailFixture f = new TrailFixture(pool(), engine, clock, checkpointEvery, secret);
    fixtures.add(f);
    return f;
  }

  private HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    if (TestDatabases.isPostgres()) {
      config.setJdbcUrl(TestDatabases.directUrl(DB));
      config.setUsername(TestDatabases.user());
    } else {
      config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE");
    }
    config.setMaximumPoolSize(4);
    HikariDataSource p = new HikariDataSource(config);
    pools.add(p);
    return p;
  }

  private static void assertInvalidAt(long seq, ChainVerifier.Result r) {
    assertFalse(r.valid(), "the rewrite must be found");
    assertEquals(seq, r.firstInvalidSeq(), r.reason());
  }

  /** As the tables' owner, who can switch PostgreSQL's triggers off (a DBA, or an attacker). */
  private void asOwner(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      boolean pg = engine == Engine.POSTGRESQL;
      if (pg) {
        for (String t : List.of("audit_event", "audit_chain_head", "audit_checkpoint")) {
          s.execute("ALTER TABLE " + t + " DISABLE TRIGGER USER");
        }
      }
      s.executeUpdate(sql);
      if (pg) {
        for (String t : List.of("audit_event", "audit_chain_head", "audit_checkpoint")) {
          s.execute("ALTER TABLE " + t + " ENABLE TRIGGER USER");
        }
      }
      c.commit();
    }
  }

  private void insert(EventRow row) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement insert = c.prepareStatement(AuditRows.INSERT_EVENT)) {
      AuditRows.bind(insert, row);
      insert.executeUpdate();
    }
  }

  private List<EventRow> rows(long from, long to) throws SQLException {
    List<EventRow> rows = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT "
                    + AuditRows.EVENT_COLUMNS
                    + " FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
      q.setLong(1, from);
      q.setLong(2, to);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(AuditRows.event(rs));
        }
      }
    }
    return rows;
  }

  private static void execute(HikariDataSource pool, String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String table) throws SQLException {
    return scalar("SELECT count(*) FROM " + table);
  }

  private long min(String table) throws SQLException {
    return scalar("SELECT min(seq) FROM " + table);
  }

  private long scalar(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
