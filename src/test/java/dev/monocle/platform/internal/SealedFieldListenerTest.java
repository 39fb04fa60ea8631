package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.platform.Database;
import dev.monocle.platform.Database.Engine;
import dev.monocle.platform.SealedFieldListener;
import dev.monocle.platform.SealedValueException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JPA mechanism end to end: EclipseLink, a real H2 database, the listener and the cipher. */
class SealedFieldListenerTest {

  private HikariDataSource pool;
  private JpaDatabase db;

  @BeforeEach
  void setUp() throws Exception {
    pool =
        ConnectionPool.open(
            "jdbc:h2:mem:sealed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            Optional.empty(),
            Optional.empty(),
            2);
    new Migrations(pool, Engine.H2).migrate();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE test_sealed_note (id VARCHAR(36) PRIMARY KEY, label VARCHAR(100),"
              + " secret VARBINARY(4096))");
    }
    byte[] kek = new byte[32];
    new SecureRandom().nextBytes(kek);
    Keyring keyring = new Keyring(kek, new JdbcKeysetStore(pool));
    SealedFieldListener.use(new TinkFieldCipher(() -> keyring));
    db = new JpaDatabase(pool, Database.Engine.H2, "META-INF/test-persistence.xml");
  }

  @AfterEach
  void tearDown() {
    db.close();
    pool.close();
  }

  private SealedNote save(String label, String secret) {
    SealedNote note = new SealedNote(label, secret);
    db.run(em -> em.persist(note));
    return note;
  }

  private SealedNote load(String id) {
    return db.inTransaction(em -> em.find(SealedNote.class, id));
  }

  private byte[] rawSecret(String id) throws Exception {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT secret FROM test_sealed_note WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  @Test
  void theDatabaseHoldsCiphertextAndReadsGiveThePlaintextBack() throws Exception {
    SealedNote note = save("a", "+34 600 123 456");
    byte[] raw = rawSecret(note.id());
    assertNotNull(raw);
    assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("600 123 456"));
    assertEquals("+34 600 123 456", load(note.id()).secret());
  }

  @Test
  void anUpdateOfOnlyTheSealedFieldIsWrittenSealed() throws Exception {
    SealedNote note = save("a", "first");
    db.run(
        em -> {
          SealedNote managed = em.find(SealedNote.class, note.id());
          managed.setSecret("second");
        });
    assertEquals("second", load(note.id()).secret());
    assertFalse(new String(rawSecret(note.id()), StandardCharsets.ISO_8859_1).contains("second"));
  }

  @Test
  void ciphertextSwappedBetweenRowsFailsToOpen() throws Exception {
    SealedNote alice = save("alice", "alice-secret");
    SealedNote bob = save("bob", "bob-secret");
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE test_sealed_note SET secret = ? WHERE id = ?")) {
      s.setBytes(1, rawSecret(alice.id()));
      s.setString(2, bob.id());
      s.executeUpdate();
    }
    assertThrows(SealedValueException.class, () -> load(bob.id()));
    assertEquals("alice-secret", load(alice.id()).secret());
  }

  @Test
  void aSealedFieldSetLaterOnARowThatHadNoneIsWritten() throws Exception {
    SealedNote note = save("a", null);
    db.run(em -> em.find(SealedNote.class, note.id()).setSecret("set later"));
    assertEquals("set later", load(note.id()).secret());
    db.run(em -> em.find(SealedNote.class, note.id()).setSecret(null));
    assertEquals(null, load(note.id()).secret());
    assertEquals(null, rawSecret(note.id()));
  }

  @Test
  void nullStaysNull() throws Exception {
    SealedNote note = save("a", null);
    assertEquals(null, rawSecret(note.id()));
    assertEquals(null, load(note.id()).secret());
  }
}
