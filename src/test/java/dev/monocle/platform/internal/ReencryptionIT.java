package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.it.TestDatabases;
import dev.monocle.platform.DataKeys.Progress;
import dev.monocle.platform.FieldBinding;
import dev.monocle.platform.FieldCipher;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.SystemFact;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-key rotation and re-encryption on the database of this run (H2 or PostgreSQL), with the real
 * keyring, cipher, leases and migrations: old rows read before re-encryption; the job is
 * interrupted midway (its instance dropped, as in a crash) and resumed by a new instance once the
 * lease lapsed; afterwards every value is under the new key, reads back, the retired key is deleted
 * from the keyset, and the raw database holds none of the plaintext.
 */
class ReencryptionIT {

  private static final String[] CUSTOMER_COLUMNS = {"full_name", "email", "phone"};
  private static final List<SealedTable> TABLES =
      List.of(
          new SealedTable("catalog_customer", "id", List.of(CUSTOMER_COLUMNS)),
          new SealedTable("translation_decoder_node", "id", List.of("api_key")));

  @TempDir Path dir;
  private HikariDataSource pool;
  private final byte[] kek = new byte[32];
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final List<SystemFact> facts = new CopyOnWriteArrayList<>();

  /** Every plaintext written: (table, column, row id) → value. */
  private final Map<FieldBinding, String> written = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    new SecureRandom().nextBytes(kek);
    pool = TestDatabase.migrated("monocle_it_reencryption", dir);
  }

  @AfterEach
  void tearDown() {
    pool.close();
  }

  @Test
  void rotateWriteReencryptCrashResumeAndNoPlaintextLeft() throws Exception {
    Keyring first = new Keyring(kek, new JdbcKeysetStore(pool));
    TinkFieldCipher cipher = new TinkFieldCipher(() -> first);
    int oldKey = first.primaryDataKeyId();
    for (int i = 0; i < 95; i++) {
      insertCustomer(cipher, i);
    }
    for (int i = 0; i < 5; i++) {
      insertNode(cipher, i);
    }

    int newKey = first.rotateDataKey();
    assertNotEquals(oldKey, newKey);
    Reencryption job = job(first, cipher, "instance-a");
    Progress started = job.start(Integer.toUnsignedLong(newKey));
    assertEquals(100, started.rowsTotal());
    for (int i = 95; i < 105; i++) {
      insertCustomer(cipher, i); // new rows, sealed with the new key
    }
    assertEverythingReadsBack(cipher);
    assertEquals(Set.of(oldKey, newKey), keysInUse(cipher));

    // Not before the settle time: every instance must have read the new keyset first.
    assertTrue(job.work(100));
    assertEquals(0, job.progress().orElseThrow().rowsScanned());
    clock.advance(Duration.ofSeconds(31));

    assertTrue(job.work(3), "three batches of 20, then interrupted");
    Progress midway = job.progress().orElseThrow();
    assertEquals("running", midway.state());
    assertEquals(60, midway.rowsScanned());
    assertEquals(60 * 3, midway.valuesResealed(), "rows 0..59 of the 95 old ones");
    assertEquals(Set.of(oldKey, newKey), keysInUse(cipher));
    assertEverythingReadsBack(cipher);

    // "Crash": instance A is gone without releasing its lease. Instance B starts from the stored
    // keyset and job row, and waits for the lease to lapse.
    Keyring second = new Keyring(kek, new JdbcKeysetStore(pool));
    TinkFieldCipher cipherB = new TinkFieldCipher(() -> second);
    Reencryption resumed = job(second, cipherB, "instance-b");
    assertTrue(resumed.work(100));
    assertEquals(60, resumed.progress().orElseThrow().rowsScanned(), "A still holds the lease");
    clock.advance(Duration.ofSeconds(61));
    assertFalse(resumed.work(100), "finished");

    Progress done = resumed.progress().orElseThrow();
    assertEquals("finished", done.state());
    assertEquals(110, done.rowsScanned(), "105 customers and 5 nodes, each once");
    assertEquals(95 * 3 + 5, done.valuesResealed(), "exactly the old values");
    assertEquals(Set.of(newKey), keysInUse(cipherB));
    assertEquals(List.of(newKey), second.dataKeyIds(), "the retired key is deleted");
    assertEverythingReadsBack(cipherB);
    List<String> actions = facts.stream().map(SystemFact::action).toList();
    assertEquals(
        List.of("keys.reencryption_started", "keys.removed", "keys.reencryption_finished"),
        actions);
    assertTrue(facts.get(2).success());
    assertNoPlaintextInTheDatabase();
  }

  @Test
  void aValueTheApplicationRewritesDuringTheJobIsKept() throws Exception {
    Keyring keyring = new Keyring(kek, new JdbcKeysetStore(pool));
    TinkFieldCipher cipher = new TinkFieldCipher(() -> keyring);
    for (int i = 0; i < 30; i++) {
      insertCustomer(cipher, i);
    }
    int newKey = keyring.rotateDataKey();
    Reencryption job = job(keyring, cipher, "instance-a");
    job.start(Integer.toUnsignedLong(newKey));
    clock.advance(Duration.ofSeconds(31));
    assertTrue(job.work(1));
    // The application changes a row the job has not reached yet, with the new key.
    String id = customerId(29);
    FieldBinding email = new FieldBinding("catalog_customer", "email", id);
    written.put(email, "changed-29@example.org");
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE catalog_customer SET email = ? WHERE id = ?")) {
      s.setBytes(1, cipher.seal("changed-29@example.org", email));
      s.setString(2, id);
      s.executeUpdate();
    }
    assertFalse(job.work(100));
    assertEverythingReadsBack(cipher);
    assertEquals(Set.of(newKey), keysInUse(cipher));
  }

  @Test
  void aSecondRotationDuringTheJobRestartsItOntoTheNewestKeyAndWaitsAgain() throws Exception {
    Keyring keyring = new Keyring(kek, new JdbcKeysetStore(pool));
    TinkFieldCipher cipher = new TinkFieldCipher(() -> keyring);
    int first = keyring.primaryDataKeyId();
    for (int i = 0; i < 50; i++) {
      insertCustomer(cipher, i);
    }
    int second = keyring.rotateDataKey();
    Reencryption job = job(keyring, cipher, "instance-a");
    job.start(Integer.toUnsignedLong(second));
    clock.advance(Duration.ofSeconds(31));
    assertTrue(job.work(2), "40 rows moved onto the second key");
    assertEquals(Set.of(first, second), keysInUse(cipher));

    int third = keyring.rotateDataKey();
    Progress retargeted = job.start(Integer.toUnsignedLong(third));
    assertEquals(Integer.toUnsignedLong(third), retargeted.targetKeyId());
    assertEquals(0, retargeted.rowsScanned());
    assertTrue(job.work(100), "waits until every instance has the third key");
    assertEquals(Set.of(first, second), keysInUse(cipher), "nothing moved, nothing deleted");
    assertEquals(List.of(first, second, third), keyring.dataKeyIds());

    clock.advance(Duration.ofSeconds(31));
    assertFalse(job.work(100));
    assertEquals(Set.of(third), keysInUse(cipher));
    assertEquals(List.of(third), keyring.dataKeyIds(), "both retired keys deleted");
    assertEverythingReadsBack(cipher);
  }

  private Reencryption job(Keyring keyring, FieldCipher cipher, String owner) {
    return new Reencryption(
        () -> pool,
        keyring,
        cipher,
        TABLES,
        new JdbcLeases(() -> pool, clock, owner),
        clock,
        facts::add,
        new Reencryption.Settings(20, Duration.ofSeconds(60), Duration.ofSeconds(30)));
  }

  private static String customerId(int i) {
    return new UUID(0x5eed, i).toString();
  }

  private void insertCustomer(FieldCipher cipher, int i) throws SQLException {
    String id = customerId(i);
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO catalog_customer (id, tenant_id, full_name, email, phone,"
                    + " consent_marketing, consent_biometric, created_at, updated_at,"
                    + " last_activity_at, version) VALUES (?, 't1', ?, ?, ?, FALSE, FALSE, ?, ?,"
                    + " ?, 0)")) {
      s.setString(1, id);
      String[] values = {"Ada Lovelace " + i, "ada" + i + "@example.org", "+44 20 7946 " + i};
      for (int col = 0; col < 3; col++) {
        FieldBinding binding = new FieldBinding("catalog_customer", CUSTOMER_COLUMNS[col], id);
        written.put(binding, values[col]);
        s.setBytes(2 + col, cipher.seal(values[col], binding));
      }
      for (int p = 5; p <= 7; p++) {
        s.setObject(p, JdbcTime.toColumn(clock.instant()));
      }
      s.executeUpdate();
    }
  }

  private void insertNode(FieldCipher cipher, int i) throws SQLException {
    UUID id = UUID.randomUUID();
    FieldBinding binding = new FieldBinding("translation_decoder_node", "api_key", id.toString());
    String key = "mk_node" + i + "_" + UUID.randomUUID();
    written.put(binding, key);
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO translation_decoder_node (id, url, kind, api_key, drained,"
                    + " created_at) VALUES (?, ?, 'monocle', ?, FALSE, ?)")) {
      s.setObject(1, id);
      s.setString(2, "http://decoder-" + i + ".example:8080");
      s.setBytes(3, cipher.seal(key, binding));
      s.setObject(4, JdbcTime.toColumn(clock.instant()));
      s.executeUpdate();
    }
  }

  private void assertEverythingReadsBack(FieldCipher cipher) throws SQLException {
    try (Connection c = pool.getConnection()) {
      for (Map.Entry<FieldBinding, String> e : written.entrySet()) {
        FieldBinding b = e.getKey();
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + b.column()
                    + " FROM "
                    + b.table()
                    + " WHERE CAST(id AS VARCHAR(36)) = ?")) {
          s.setString(1, b.rowId());
          try (ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), b.toString());
            assertEquals(e.getValue(), cipher.open(rs.getBytes(1), b));
          }
        }
      }
    }
  }

  private Set<Integer> keysInUse(FieldCipher cipher) throws SQLException {
    Set<Integer> keys = new java.util.TreeSet<>();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (SealedTable table : TABLES) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT " + String.join(", ", table.columns()) + " FROM " + table.table())) {
          while (rs.next()) {
            for (int i = 1; i <= table.columns().size(); i++) {
              byte[] v = rs.getBytes(i);
              if (v != null) {
                keys.add(cipher.keyIdOf(v));
              }
            }
          }
        }
      }
    }
    return keys;
  }

  /** Reads every column of every table, as someone with the database files would. */
  private void assertNoPlaintextInTheDatabase() throws SQLException {
    String dump;
    try (Connection c = pool.getConnection()) {
      assertTrue(TestDatabases.tables(c).size() > 10);
      dump = TestDatabases.dump(c);
    }
    for (String value : written.values()) {
      assertFalse(dump.contains(value), "plaintext in the database: " + value);
    }
    assertFalse(
        dump.contains(java.util.Base64.getEncoder().encodeToString(kek)),
        "the KEK is not in the database");
  }
}
