package dev.monocle.audit.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.audit.AuditEvent;
import dev.monocle.platform.Database.Engine;
import dev.monocle.platform.JdbcTime;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * JMH benchmarks of the trail on PostgreSQL (run by {@code ops/bench/audit.sh}; database from
 * {@code -Dmonocle.bench.db.url}, emptied by the script). All figures are operations per second;
 * for the verification benchmarks one operation is one event.
 *
 * <ul>
 *   <li>{@code append}: durable appends ({@code record}, committed before it returns) from 64
 *       threads, chained, checkpoints every 1000 events. Baseline {@code appendUnchained}: the same
 *       rows, each INSERTed and committed by its own thread, no chain, no lock.
 *   <li>{@code verifyFromDatabase}: the whole verification of a stored trail of {@link #TRAIL}
 *       events. Baseline {@code readOnly}: the same SELECT and row mapping without hashing.
 *   <li>{@code verifyInMemory}: hashing and checking alone, rows already in memory.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditBench {

  static final int TRAIL = 200_000;

  /** A freshly created database (each benchmark's trial starts empty), migrated. */
  static HikariDataSource pool(String database, int size) throws SQLException {
    return dev.monocle.platform.internal.TestDatabase.benchPool(database, size);
  }

  /** A trail that grows while the append benchmarks run. */
  @State(Scope.Benchmark)
  public static class Appending {
    HikariDataSource pool;
    TrailFixture audit;
    final AtomicLong n = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws SQLException {
      pool = pool("monocle_bench_audit_append", 20);
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS bench_unchained AS SELECT * FROM audit_event WHERE false");
      }
      audit = new TrailFixture(pool, Engine.POSTGRESQL, Clock.systemUTC(), 1000);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      audit.close();
      ChainVerifier.Result r = audit.verify();
      if (!r.valid()) {
        throw new IllegalStateException("the benchmark broke the chain: " + r.reason());
      }
      System.out.println("\nappended and verified: " + r.checked() + " events");
      pool.close();
    }
  }

  @Benchmark
  @Threads(64)
  public void append(Appending s) {
    s.audit.trail.record(TrailFixture.event("bench.append", "u", (int) s.n.incrementAndGet()));
  }

  @Benchmark
  @Threads(64)
  public void appendUnchained(Appending s) throws SQLException {
    try (Connection c = s.pool.getConnection();
        PreparedStatement insert =
            c.prepareStatement(AuditRows.INSERT_EVENT.replace("audit_event", "bench_unchained"))) {
      long seq = s.n.incrementAndGet();
      AuditEvent e = TrailFixture.event("bench.append", "u", (int) seq);
      StoredEvent stored = StoredEvent.of(seq, Instant.now(), e, null, null);
      AuditRows.bind(insert, new EventRow(stored, EventHash.GENESIS, EventHash.GENESIS));
      insert.executeUpdate();
    }
  }

  /** A stored trail of {@link #TRAIL} events with a checkpoint every 1000. */
  @State(Scope.Benchmark)
  public static class Stored {
    HikariDataSource pool;
    CheckpointSigner signer;
    List<EventRow> rows;
    Map<Long, Checkpoint> checkpoints;

    @Setup(Level.Trial)
    public void fill() throws SQLException, GeneralSecurityException {
      pool = pool("monocle_bench_audit_verify", 2);
      signer = new CheckpointSigner(TrailFixture.randomSecret(), List.of());
      rows = new ArrayList<>(TRAIL);
      EventHash hasher = new EventHash();
      String previous = EventHash.GENESIS;
      Instant at = Instant.parse("2026-11-22T10:00:00Z");
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(AuditRows.INSERT_EVENT);
            PreparedStatement checkpoint =
                c.prepareStatement("INSERT INTO audit_checkpoint VALUES (?, ?, ?, ?, ?)")) {
          for (long seq = 1; seq <= TRAIL; seq++) {
            AuditEvent e = TrailFixture.event("auth.login", "user-" + (seq % 97), (int) seq);
            StoredEvent stored =
                StoredEvent.of(seq, at.plusMillis(seq), e, "req-" + seq, "192.0.2.7");
            String hash = hasher.hash(previous, stored);
            EventRow row = new EventRow(stored, previous, hash);
            rows.add(row);
            AuditRows.bind(insert, row);
            insert.addBatch();
            if (seq % 1000 == 0) {
              Instant signedAt = at.plusMillis(seq);
              checkpoint.setLong(1, seq);
              checkpoint.setString(2, hash);
              checkpoint.setObject(3, JdbcTime.toColumn(signedAt));
              checkpoint.setString(4, signer.kid());
              checkpoint.setString(5, signer.sign(seq, hash, signedAt));
              checkpoint.executeUpdate();
              insert.executeBatch();
            }
            previous = hash;
          }
          insert.executeBatch();
        }
        try (PreparedStatement head =
            c.prepareStatement("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
          head.setLong(1, TRAIL);
          head.setString(2, previous);
          head.executeUpdate();
        }
        c.commit();
        try (Connection read = pool.getConnection()) {
          checkpoints = Checkpoints.all(read);
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      pool.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(TRAIL)
  public ChainVerifier.Result verifyFromDatabase(Stored s) throws SQLException {
    try (Connection c = s.pool.getConnection()) {
      c.setAutoCommit(false);
      ChainVerifier.Result r = AuditVerification.verify(c, s.signer);
      c.rollback();
      if (!r.valid() || r.checked() != TRAIL) {
        throw new IllegalStateException("verification failed: " + r.reason());
      }
      return r;
    }
  }

  @Benchmark
  @OperationsPerInvocation(TRAIL)
  public long readOnly(Stored s) throws SQLException {
    long n = 0;
    try (Connection c = s.pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT "
                  + AuditRows.EVENT_COLUMNS
                  + " FROM audit_event WHERE seq <= ? ORDER BY seq")) {
        q.setLong(1, TRAIL);
        q.setFetchSize(5_000);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            n += AuditRows.event(rs).seq();
          }
        }
      }
      c.rollback();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(TRAIL)
  public ChainVerifier.Result verifyInMemory(Stored s) {
    ChainVerifier v =
        new ChainVerifier(TRAIL, s.rows.get(TRAIL - 1).hash(), s.checkpoints, s.signer);
    for (EventRow row : s.rows) {
      v.accept(row);
    }
    ChainVerifier.Result r = v.finish();
    if (!r.valid()) {
      throw new IllegalStateException(r.reason());
    }
    return r;
  }
}
