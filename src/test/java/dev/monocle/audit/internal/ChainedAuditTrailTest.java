package dev.monocle.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.platform.Database.Engine;
import dev.monocle.platform.internal.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trail on a real (H2) database: concurrent writers, one unbroken, checkpointed chain. */
class ChainedAuditTrailTest {

  private HikariDataSource pool;
  private TrailFixture audit;

  @BeforeEach
  void setUp() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(8);
    pool = new HikariDataSource(config);
    new Migrations(pool, Engine.H2).migrate();
    audit = new TrailFixture(pool, Engine.H2, Clock.systemUTC(), 100);
  }

  @AfterEach
  void tearDown() {
    audit.close();
    pool.close();
  }

  @Test
  void concurrentWritersAndQueuedEventsFormOneUnbrokenChain() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(
          writers.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  AuditEvent event = TrailFixture.event("test.event", "u" + thread, i);
                  if (i % 2 == 0) {
                    audit.trail.record(event);
                  } else {
                    audit.trail.recordSoon(event);
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    writers.shutdown();
    audit.close();
    ChainVerifier.Result result = audit.verify();
    assertTrue(result.valid(), result.reason());
    assertEquals(800, result.checked());
    assertEquals(800, result.headSeq());
    assertTrue(count("audit_checkpoint") >= 7, "a checkpoint about every 100 events");
  }

  @Test
  void anOversizedFieldIsCutNotLost() throws Exception {
    audit.trail.record(
        AuditEvent.denied(
            "authz.decision",
            Actor.user("u"),
            "t",
            Target.of("endpoint", "x".repeat(5000)),
            "r".repeat(5000)));
    ChainVerifier.Result result = audit.verify();
    assertTrue(result.valid(), result.reason());
    assertEquals(1, result.checked());
  }

  private long count(String table) throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
