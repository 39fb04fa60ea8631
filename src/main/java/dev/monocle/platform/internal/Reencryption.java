package dev.monocle.platform.internal;

import dev.monocle.platform.DataKeys.Progress;
import dev.monocle.platform.FieldBinding;
import dev.monocle.platform.FieldCipher;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.Leases;
import dev.monocle.platform.SystemFact;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Moves every sealed value onto the primary data key after a rotation, and deletes a retired key
 * once no value uses it.
 *
 * <p>The job is a row of {@code platform_reencryption}; its position (table, last id) is committed
 * with each batch, so it resumes where it stopped after a crash or restart. One instance of a
 * cluster works on it, holding the lease {@value #LEASE}. It waits {@code settle} after the
 * rotation before it starts, so that every instance has read the new keyset (they re-read it
 * periodically) and seals new values with the new key.
 *
 * <p>Each value is opened and sealed again for the same binding; the update is conditional on the
 * old ciphertext, so a value the application rewrote meanwhile is left as written. A pass over all
 * tables is followed by a count of values still under an older key: another pass runs if there are
 * any, and when there are none the retired keys are deleted from the keyset.
 */
final class Reencryption {

  static final String LEASE = "platform.reencryption";
  private static final Logger LOG = Logger.getLogger(Reencryption.class.getName());
  private static final int MAX_PASSES = 10;

  /**
   * How the job runs: rows per batch, how long a lease lasts, how long to wait after a rotation.
   */
  record Settings(int batchSize, Duration lease, Duration settle) {}

  private final Supplier<DataSource> dataSource;
  private final Keyring keyring;
  private final FieldCipher cipher;
  private final List<SealedTable> tables;
  private final Leases leases;
  private final Clock clock;
  private final Consumer<SystemFact> facts;
  private final Settings settings;
  private final Map<String, Boolean> uuidIds = new java.util.concurrent.ConcurrentHashMap<>();
  private Leases.Lease held;

  Reencryption(
      Supplier<DataSource> dataSource,
      Keyring keyring,
      FieldCipher cipher,
      List<SealedTable> tables,
      Leases leases,
      Clock clock,
      Consumer<SystemFact> facts,
      Settings settings) {
    this.dataSource = dataSource;
    this.keyring = keyring;
    this.cipher = cipher;
    this.tables = List.copyOf(tables);
    this.leases = leases;
    this.clock = clock;
    this.facts = facts;
    this.settings = settings;
  }

  List<SealedTable> tables() {
    return tables;
  }

  /** A job as stored. */
  private record Job(
      String id,
      int generation,
      long targetKeyId,
      String state,
      Instant notBefore,
      Instant startedAt,
      Instant finishedAt,
      int tableIndex,
      String lastId,
      int passes,
      long rowsTotal,
      long rowsScanned,
      long valuesResealed) {

    Progress progress() {
      return new Progress(
          id,
          targetKeyId,
          state,
          startedAt,
          finishedAt,
          rowsTotal,
          rowsScanned,
          valuesResealed,
          passes);
    }
  }

  /**
   * Starts re-encrypting onto {@code targetKeyId}: a new job, or the running one pointed at the new
   * key and sent back to the first table.
   */
  Progress start(long targetKeyId) {
    Instant now = clock.instant();
    Instant notBefore = now.plus(settings.settle());
    try (Connection c = dataSource.get().getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Job> running = latest(c, true);
        long total = countRows(c);
        String id;
        if (running.isPresent()) {
          id = running.get().id();
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE platform_reencryption SET generation = generation + 1,"
                      + " target_key_id = ?, not_before = ?, table_index = 0, last_id = NULL,"
                      + " passes = 0, rows_total = ?, rows_scanned = 0, values_resealed = 0,"
                      + " updated_at = ? WHERE id = ?")) {
            s.setLong(1, targetKeyId);
            s.setObject(2, JdbcTime.toColumn(notBefore));
            s.setLong(3, total);
            s.setObject(4, JdbcTime.toColumn(now));
            s.setString(5, id);
            s.executeUpdate();
          }
        } else {
          id = UUID.randomUUID().toString();
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO platform_reencryption (id, generation, target_key_id, state,"
                      + " not_before, started_at, table_index, passes, rows_total, rows_scanned,"
                      + " values_resealed, updated_at) VALUES (?, 0, ?, 'running', ?, ?, 0, 0, ?,"
                      + " 0, 0, ?)")) {
            s.setString(1, id);
            s.setLong(2, targetKeyId);
            s.setObject(3, JdbcTime.toColumn(notBefore));
            s.setObject(4, JdbcTime.toColumn(now));
            s.setLong(5, total);
            s.setObject(6, JdbcTime.toColumn(now));
            s.executeUpdate();
          }
        }
        Job job = find(c, id).orElseThrow();
        c.commit();
        return job.progress();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("re-encryption not started", e);
    }
  }

  /** The running job, or else the newest finished one. */
  Optional<Progress> progress() {
    try (Connection c = dataSource.get().getConnection()) {
      Optional<Job> running = latest(c, true);
      return (running.isPresent() ? running : latest(c, false)).map(Job::progress);
    } catch (SQLException e) {
      throw new IllegalStateException("re-encryption progress unreadable", e);
    }
  }

  /**
   * Works on the running job for at most {@code maxBatches} batches, if it is due and this instance
   * holds or gets the lease. The lease is kept between calls and given up when the job finishes; an
   * instance that dies leaves it to lapse.
   *
   * @return true while work remains (for this or another instance)
   */
  synchronized boolean work(int maxBatches) throws GeneralSecurityException {
    Optional<Job> found = runningJob();
    if (found.isEmpty()) {
      return false;
    }
    if (clock.instant().isBefore(found.get().notBefore())) {
      return true;
    }
    if (held != null && !held.renew(settings.lease())) {
      held = null; // lapsed and taken: another instance works on it now
    }
    if (held == null) {
      held = leases.tryAcquire(LEASE, settings.lease()).orElse(null);
      if (held == null) {
        return true;
      }
    }
    keyring.refresh();
    for (int batch = 0; batch < maxBatches; batch++) {
      Job job = runningJob().orElse(null);
      if (job == null || !step(job)) {
        release();
        return false;
      }
      if (!held.renew(settings.lease())) {
        held = null;
        return true;
      }
    }
    return true;
  }

  private void release() {
    if (held != null) {
      held.close();
      held = null;
    }
  }

  /**
   * One batch, or the end of a pass.
   *
   * @return false when the job has finished
   */
  private boolean step(Job job) throws GeneralSecurityException {
    if (clock.instant().isBefore(job.notBefore())) {
      return true; // pointed at a newer key meanwhile: wait until every instance has it
    }
    if (job.passes() == 0 && job.tableIndex() == 0 && job.lastId() == null) {
      facts.accept(
          SystemFact.success(
              "keys.reencryption_started",
              "data_key",
              Long.toString(job.targetKeyId()),
              "re-encrypting " + job.rowsTotal() + " rows in " + tables.size() + " tables"));
      LOG.info(() -> "Re-encryption onto data key " + job.targetKeyId() + " started");
    }
    if (job.tableIndex() >= tables.size()) {
      return endOfPass(job);
    }
    try (Connection c = dataSource.get().getConnection()) {
      c.setAutoCommit(false);
      try {
        if (batch(c, job)) {
          c.commit();
        } else {
          c.rollback(); // the job was pointed at a newer key meanwhile: start over from its row
        }
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("re-encryption batch failed", e);
    }
  }

  /** One batch in the caller's transaction; false when the job changed under it (roll back). */
  private boolean batch(Connection c, Job job) throws SQLException {
    SealedTable table = tables.get(job.tableIndex());
    int primary = keyring.primaryDataKeyId();
    StringBuilder sql = new StringBuilder("SELECT ").append(table.idColumn());
    table.columns().forEach(col -> sql.append(", ").append(col));
    sql.append(" FROM ").append(table.table());
    if (job.lastId() != null) {
      sql.append(" WHERE ").append(table.idColumn()).append(" > ?");
    }
    sql.append(" ORDER BY ")
        .append(table.idColumn())
        .append(" LIMIT ")
        .append(settings.batchSize());
    int rows = 0;
    String lastId = null;
    // One conditional update per row, grouped by which columns it changes, sent as JDBC batches.
    Map<List<String>, PreparedStatement> updates = new java.util.LinkedHashMap<>();
    long resealed = 0;
    try {
      try (PreparedStatement select = c.prepareStatement(sql.toString())) {
        if (job.lastId() != null) {
          select.setObject(1, idValue(c, table, job.lastId()));
        }
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rows++;
            Object id = rs.getObject(1);
            lastId = id.toString();
            List<String> columns = new ArrayList<>();
            List<byte[]> old = new ArrayList<>();
            List<byte[]> fresh = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
              byte[] sealed = rs.getBytes(i + 2);
              if (sealed != null && cipher.keyIdOf(sealed) != primary) {
                String column = table.columns().get(i);
                FieldBinding binding = new FieldBinding(table.table(), column, lastId);
                columns.add(column);
                old.add(sealed);
                fresh.add(cipher.seal(cipher.open(sealed, binding), binding));
              }
            }
            if (!columns.isEmpty()) {
              PreparedStatement update = updates.get(columns);
              if (update == null) {
                update = c.prepareStatement(updateSql(table, columns));
                updates.put(List.copyOf(columns), update);
              }
              int p = 1;
              for (byte[] value : fresh) {
                update.setBytes(p++, value);
              }
              update.setObject(p++, id);
              for (byte[] value : old) {
                update.setBytes(p++, value);
              }
              update.addBatch();
            }
          }
        }
      }
      for (Map.Entry<List<String>, PreparedStatement> entry : updates.entrySet()) {
        for (int count : entry.getValue().executeBatch()) {
          // A row the application rewrote meanwhile matches no more (count 0): left as written.
          resealed += count > 0 ? (long) entry.getKey().size() : 0;
        }
      }
    } finally {
      for (PreparedStatement update : updates.values()) {
        update.close();
      }
    }
    boolean tableDone = rows < settings.batchSize();
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE platform_reencryption SET table_index = ?, last_id = ?, rows_scanned ="
                + " rows_scanned + ?, values_resealed = values_resealed + ?, updated_at = ?"
                + " WHERE id = ? AND generation = ?")) {
      s.setInt(1, tableDone ? job.tableIndex() + 1 : job.tableIndex());
      s.setString(2, tableDone ? null : lastId);
      s.setLong(3, job.passes() == 0 ? rows : 0);
      s.setLong(4, resealed);
      s.setObject(5, JdbcTime.toColumn(clock.instant()));
      s.setString(6, job.id());
      s.setInt(7, job.generation());
      return s.executeUpdate() == 1;
    }
  }

  /** Sets the columns to new values where the row still holds the values that were read. */
  private static String updateSql(SealedTable table, List<String> columns) {
    StringBuilder sql = new StringBuilder("UPDATE ").append(table.table()).append(" SET ");
    sql.append(String.join(" = ?, ", columns)).append(" = ? WHERE ");
    sql.append(table.idColumn()).append(" = ?");
    columns.forEach(column -> sql.append(" AND ").append(column).append(" = ?"));
    return sql.toString();
  }

  /**
   * After a pass: another pass while values remain under older keys, else finish and delete the
   * retired keys no value uses. Keys and primary come from one snapshot taken before the count, so
   * a key added meanwhile is never deleted; a job pointed at a newer key meanwhile (its generation
   * moved) neither finishes nor deletes anything.
   */
  private boolean endOfPass(Job job) throws GeneralSecurityException {
    keyring.refresh();
    Keyring.DataKeySnapshot keys = keyring.dataSnapshot();
    Map<Long, Long> use = valuesPerKey();
    long elsewhere =
        use.entrySet().stream()
            .filter(e -> e.getKey() != Integer.toUnsignedLong(keys.primary()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    if (elsewhere > 0 && job.passes() + 1 < MAX_PASSES) {
      update(
          job,
          "UPDATE platform_reencryption SET table_index = 0, last_id = NULL, passes = passes + 1,"
              + " updated_at = ? WHERE id = ? AND generation = ?");
      return true;
    }
    if (!update(
        job,
        "UPDATE platform_reencryption SET state = 'finished', finished_at = ?, passes = passes +"
            + " 1 WHERE id = ? AND generation = ?")) {
      return true;
    }
    Set<Integer> unused = new HashSet<>();
    for (int id : keys.ids()) {
      if (id != keys.primary() && !use.containsKey(Integer.toUnsignedLong(id))) {
        unused.add(id);
      }
    }
    if (!unused.isEmpty()) {
      keyring.deleteDataKeys(unused);
      markRemoved(unused);
    }
    for (int id : unused) {
      facts.accept(
          SystemFact.success(
              "keys.removed",
              "data_key",
              Long.toString(Integer.toUnsignedLong(id)),
              "no stored value uses it any more"));
    }
    String reason =
        "values resealed: "
            + job.valuesResealed()
            + ", retired keys deleted: "
            + unused.size()
            + (elsewhere > 0 ? ", values still under older keys: " + elsewhere : "");
    facts.accept(
        new SystemFact(
            "keys.reencryption_finished",
            elsewhere == 0,
            "data_key",
            Long.toString(job.targetKeyId()),
            reason));
    LOG.info(() -> "Re-encryption onto data key " + job.targetKeyId() + " finished: " + reason);
    return false;
  }

  /** How many stored values each data key seals, over every sealed column. */
  Map<Long, Long> valuesPerKey() {
    Map<Long, Long> use = new TreeMap<>();
    try (Connection c = dataSource.get().getConnection()) {
      c.setAutoCommit(false); // lets PostgreSQL stream the rows instead of holding them all
      for (SealedTable table : tables) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT " + String.join(", ", table.columns()) + " FROM " + table.table())) {
          s.setFetchSize(1000);
          countInto(use, s, table.columns().size());
        }
      }
      c.rollback();
      return use;
    } catch (SQLException e) {
      throw new IllegalStateException("sealed values not counted", e);
    }
  }

  private void countInto(Map<Long, Long> use, PreparedStatement s, int columns)
      throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          byte[] sealed = rs.getBytes(i);
          if (sealed != null) {
            use.merge(Integer.toUnsignedLong(cipher.keyIdOf(sealed)), 1L, Long::sum);
          }
        }
      }
    }
  }

  private void markRemoved(Set<Integer> ids) {
    try (Connection c = dataSource.get().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE platform_data_key SET removed_at = ? WHERE keyset = ? AND key_id = ?")) {
      for (int id : ids) {
        s.setObject(1, JdbcTime.toColumn(clock.instant()));
        s.setString(2, Keyring.DATA);
        s.setLong(3, Integer.toUnsignedLong(id));
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("key removal not recorded", e);
    }
  }

  /** Runs a job update with (time, id, generation); false when the generation moved. */
  private boolean update(Job job, String sql) {
    try (Connection c = dataSource.get().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, JdbcTime.toColumn(clock.instant()));
      s.setString(2, job.id());
      s.setInt(3, job.generation());
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("re-encryption job not updated", e);
    }
  }

  private long countRows(Connection c) throws SQLException {
    long total = 0;
    for (SealedTable table : tables) {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table.table());
          ResultSet rs = s.executeQuery()) {
        rs.next();
        total += rs.getLong(1);
      }
    }
    return total;
  }

  /** The last id as the id column wants it bound: a UUID for UUID columns, else text. */
  private Object idValue(Connection c, SealedTable table, String lastId) throws SQLException {
    boolean uuid =
        uuidIds.computeIfAbsent(
            table.table(),
            t -> {
              try (PreparedStatement s =
                      c.prepareStatement(
                          "SELECT " + table.idColumn() + " FROM " + t + " WHERE 1 = 0");
                  ResultSet rs = s.executeQuery()) {
                return UUID.class.getName().equals(rs.getMetaData().getColumnClassName(1));
              } catch (SQLException e) {
                throw new IllegalStateException("id type of " + t + " unknown", e);
              }
            });
    return uuid ? UUID.fromString(lastId) : lastId;
  }

  private Optional<Job> runningJob() {
    try (Connection c = dataSource.get().getConnection()) {
      return latest(c, true);
    } catch (SQLException e) {
      throw new IllegalStateException("re-encryption job unreadable", e);
    }
  }

  private static final String COLUMNS =
      "id, generation, target_key_id, state, not_before, started_at, finished_at, table_index, last_id,"
          + " passes, rows_total, rows_scanned, values_resealed";

  private static Optional<Job> latest(Connection c, boolean running) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM platform_reencryption WHERE state = ? ORDER BY started_at DESC, id"
                + " LIMIT 1")) {
      s.setString(1, running ? "running" : "finished");
      return read(s);
    }
  }

  private static Optional<Job> find(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM platform_reencryption WHERE id = ?")) {
      s.setString(1, id);
      return read(s);
    }
  }

  private static Optional<Job> read(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Job(
              rs.getString(1),
              rs.getInt(2),
              rs.getLong(3),
              rs.getString(4),
              JdbcTime.instant(rs, 5),
              JdbcTime.instant(rs, 6),
              JdbcTime.instant(rs, 7),
              rs.getInt(8),
              rs.getString(9),
              rs.getInt(10),
              rs.getLong(11),
              rs.getLong(12),
              rs.getLong(13)));
    }
  }
}
