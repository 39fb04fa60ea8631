package dev.monocle.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.platform.Database;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trail on a real (H2) database: concurrent writers, one unbroken chain. */
class ChainedAuditTrailTest {

  private HikariDataSource pool;
  private ChainedAuditTrail trail;

  @BeforeEach
  void setUp() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(8);
    pool = new HikariDataSource(config);
    Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    trail = new ChainedAuditTrail();
    trail.database = new PoolOnly(pool);
    trail.clock = Clock.systemUTC();
    trail.startWriter();
  }

  @AfterEach
  void tearDown() {
    trail.flushOnShutdown();
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
                  AuditEvent event =
                      AuditEvent.success(
                          "test.event",
                          Actor.user("u" + thread),
                          "t",
                          Target.of("n", Integer.toString(i)));
                  if (i % 2 == 0) {
                    trail.record(event);
                  } else {
                    trail.recordSoon(event);
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    writers.shutdown();
    trail.flushOnShutdown();
    assertEquals(800, verifiedChainLength());
  }

  @Test
  void anOversizedFieldIsCutNotLost() throws Exception {
    trail.record(
        AuditEvent.denied(
            "authz.decision",
            Actor.user("u"),
            "t",
            Target.of("endpoint", "x".repeat(5000)),
            "r".repeat(5000)));
    assertEquals(1, verifiedChainLength());
  }

  /** Recomputes every hash from the genesis; returns the number of events, failing on a break. */
  private long verifiedChainLength() throws Exception {
    String previous = EventHash.GENESIS;
    long expectedSeq = 1;
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT seq, id, at, tenant_id, actor_type, actor_id, action, target_type, target_id,"
                    + " outcome, reason, request_id, client_ip, prev_hash, hash FROM audit_event ORDER BY seq")) {
      while (rs.next()) {
        StoredEvent e =
            new StoredEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
        assertEquals(expectedSeq, e.seq(), "no gap in the order");
        assertEquals(previous, rs.getString(14), "prev_hash links to the previous event");
        assertEquals(EventHash.of(previous, e), rs.getString(15), "hash covers the event");
        previous = rs.getString(15);
        expectedSeq++;
      }
    }
    return expectedSeq - 1;
  }

  /** The trail needs only the pool of the platform's Database. */
  private record PoolOnly(DataSource dataSource) implements Database {
    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Engine engine() {
      return Engine.H2;
    }
  }
}
