package dev.monocle.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.platform.FieldBinding;
import dev.monocle.platform.JdbcTime;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the data keys on PostgreSQL ({@code ops/bench/data-keys.sh}; server from {@code
 * -Dmonocle.bench.db.url}), over {@value #CUSTOMERS} customers with their seven sealed fields, as
 * the catalog stores them.
 *
 * <ul>
 *   <li>{@code reencryptAll}: one whole re-encryption job after a rotation (batches of 500, every
 *       value opened and sealed again, conditional updates, the final count and the deletion of the
 *       retired key). Baseline {@code rewriteAllPlain}: the same batched reads and conditional
 *       updates writing the stored bytes back, without any cryptography.
 *   <li>{@code readPageSealed}: a page of 100 customers read and its 700 values opened. Baseline
 *       {@code readPagePlain}: the same page from a table holding the same values unencrypted.
 *       {@code openPageOnly}: the opening alone, values already in memory.
 * </ul>
 */
public class DataKeyBench {

  static final int CUSTOMERS = 100_000;
  static final List<String> COLUMNS =
      List.of(
          "full_name",
          "email",
          "phone",
          "date_of_birth",
          "prescription",
          "face_shape",
          "face_width_mm");
  private static final SealedTable TABLE = new SealedTable("catalog_customer", "id", COLUMNS);

  /** 100,000 customers sealed under one key, and the same values in a plain table. */
  @State(Scope.Benchmark)
  public static class Stored {
    HikariDataSource pool;
    Keyring keyring;
    TinkFieldCipher cipher;
    Reencryption job;
    byte[][] page;
    String[] pageIds;

    @Setup(Level.Trial)
    public void fill() throws Exception {
      pool = pool("monocle_bench_keys");
      byte[] kek = new byte[32];
      new SecureRandom().nextBytes(kek);
      keyring = new Keyring(kek, new JdbcKeysetStore(pool));
      cipher = new TinkFieldCipher(() -> keyring);
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE bench_plain_customer (id VARCHAR(36) PRIMARY KEY, full_name TEXT,"
                + " email TEXT, phone TEXT, date_of_birth TEXT, prescription TEXT, face_shape"
                + " TEXT, face_width_mm TEXT)");
      }
      insert();
      Clock clock = Clock.systemUTC();
      job =
          new Reencryption(
              () -> pool,
              keyring,
              cipher,
              List.of(TABLE),
              new JdbcLeases(() -> pool, clock, "bench"),
              clock,
              fact -> {},
              new Reencryption.Settings(500, Duration.ofMinutes(10), Duration.ZERO));
      loadPage(0);
    }

    private void insert() throws SQLException {
      String marks = "?, ".repeat(COLUMNS.size());
      String cols = String.join(", ", COLUMNS);
      try (Connection c = pool.getConnection();
          PreparedStatement sealed =
              c.prepareStatement(
                  "INSERT INTO catalog_customer (id, tenant_id, "
                      + cols
                      + ", consent_marketing, consent_biometric, created_at, updated_at,"
                      + " last_activity_at, version) VALUES (?, 't1', "
                      + marks
                      + "FALSE, TRUE, ?, ?, ?, 0)");
          PreparedStatement plain =
              c.prepareStatement(
                  "INSERT INTO bench_plain_customer (id, "
                      + cols
                      + ") VALUES (?, "
                      + marks.substring(0, marks.length() - 2)
                      + ")")) {
        c.setAutoCommit(false);
        Object now = JdbcTime.toColumn(Instant.now());
        for (int i = 0; i < CUSTOMERS; i++) {
          String id = new UUID(0xbe7c4, i).toString();
          String[] values = values(i);
          sealed.setString(1, id);
          plain.setString(1, id);
          for (int k = 0; k < COLUMNS.size(); k++) {
            sealed.setBytes(
                2 + k, cipher.seal(values[k], new FieldBinding(TABLE.table(), COLUMNS.get(k), id)));
            plain.setString(2 + k, values[k]);
          }
          sealed.setObject(2 + COLUMNS.size(), now);
          sealed.setObject(3 + COLUMNS.size(), now);
          sealed.setObject(4 + COLUMNS.size(), now);
          sealed.addBatch();
          plain.addBatch();
          if (i % 1000 == 999) {
            sealed.executeBatch();
            plain.executeBatch();
            c.commit();
          }
        }
        c.commit();
      }
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }

    static String[] values(int i) {
      return new String[] {
        "Customer Number " + i,
        "customer" + i + "@example.org",
        "+34 600 " + (100_000 + i),
        "1980-01-" + (10 + i % 18),
        "{\"right\":{\"sphere\":-1.25,\"cylinder\":-0.5,\"axis\":90},\"pupillary_distance_mm\":62}",
        "oval",
        Integer.toString(128 + i % 20)
      };
    }

    /** The sealed values of one page, for {@code openPageOnly}. */
    void loadPage(int offset) throws SQLException {
      page = new byte[100 * COLUMNS.size()][];
      pageIds = new String[100];
      try (Connection c = pool.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, "
                      + String.join(", ", COLUMNS)
                      + " FROM catalog_customer ORDER BY id LIMIT 100 OFFSET ?")) {
        s.setInt(1, offset);
        try (ResultSet rs = s.executeQuery()) {
          for (int r = 0; rs.next(); r++) {
            pageIds[r] = rs.getString(1);
            for (int k = 0; k < COLUMNS.size(); k++) {
              page[r * COLUMNS.size() + k] = rs.getBytes(2 + k);
            }
          }
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      pool.close();
    }
  }

  /** Before each re-encryption: a new primary key and a job that may start at once. */
  @State(Scope.Benchmark)
  public static class Rotated {
    @Setup(Level.Invocation)
    public void rotate(Stored s) throws Exception {
      int key = s.keyring.rotateDataKey();
      s.job.start(Integer.toUnsignedLong(key));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public boolean reencryptAll(Stored s, Rotated rotated) throws Exception {
    boolean more = s.job.work(Integer.MAX_VALUE);
    if (more || !s.job.progress().orElseThrow().state().equals("finished")) {
      throw new IllegalStateException("re-encryption did not finish");
    }
    return more;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long rewriteAllPlain(Stored s) throws SQLException {
    long rows = 0;
    String last = null;
    String cols = String.join(", ", COLUMNS);
    String update =
        "UPDATE catalog_customer SET "
            + String.join(" = ?, ", COLUMNS)
            + " = ? WHERE id = ? AND "
            + String.join(" = ? AND ", COLUMNS)
            + " = ?";
    while (true) {
      try (Connection c = s.pool.getConnection()) {
        c.setAutoCommit(false);
        int n = 0;
        try (PreparedStatement select =
                c.prepareStatement(
                    "SELECT id, "
                        + cols
                        + " FROM catalog_customer"
                        + (last == null ? "" : " WHERE id > ?")
                        + " ORDER BY id LIMIT 500");
            PreparedStatement write = c.prepareStatement(update)) {
          if (last != null) {
            select.setString(1, last);
          }
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              n++;
              last = rs.getString(1);
              int p = 1;
              byte[][] values = new byte[COLUMNS.size()][];
              for (int k = 0; k < COLUMNS.size(); k++) {
                values[k] = rs.getBytes(2 + k);
                write.setBytes(p++, values[k]);
              }
              write.setString(p++, last);
              for (byte[] v : values) {
                write.setBytes(p++, v);
              }
              write.addBatch();
            }
          }
          write.executeBatch();
        }
        c.commit();
        rows += n;
        if (n < 500) {
          return rows;
        }
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void readPageSealed(Stored s, Blackhole out) throws SQLException {
    readPage(s, "catalog_customer", true, out);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void readPagePlain(Stored s, Blackhole out) throws SQLException {
    readPage(s, "bench_plain_customer", false, out);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void openPageOnly(Stored s, Blackhole out) {
    for (int r = 0; r < 100; r++) {
      for (int k = 0; k < COLUMNS.size(); k++) {
        out.consume(
            s.cipher.open(
                s.page[r * COLUMNS.size() + k],
                new FieldBinding(TABLE.table(), COLUMNS.get(k), s.pageIds[r])));
      }
    }
  }

  private static void readPage(Stored s, String table, boolean sealed, Blackhole out)
      throws SQLException {
    // A page somewhere in the table, by id (as the API pages, after a cursor).
    String after =
        new UUID(0xbe7c4, ThreadLocalRandom.current().nextInt(CUSTOMERS - 100)).toString();
    try (Connection c = s.pool.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT id, "
                    + String.join(", ", COLUMNS)
                    + " FROM "
                    + table
                    + " WHERE id > ? ORDER BY id LIMIT 100")) {
      q.setString(1, after);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          for (int k = 0; k < COLUMNS.size(); k++) {
            if (sealed) {
              out.consume(
                  s.cipher.open(
                      rs.getBytes(2 + k), new FieldBinding(TABLE.table(), COLUMNS.get(k), id)));
            } else {
              out.consume(rs.getString(2 + k));
            }
          }
        }
      }
    }
  }

  static HikariDataSource pool(String database) throws SQLException {
    return TestDatabase.benchPool(database, 4);
  }
}
