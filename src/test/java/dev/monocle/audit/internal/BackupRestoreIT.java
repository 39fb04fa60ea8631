package dev.monocle.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.it.Commands;
import dev.monocle.it.TestDatabases;
import dev.monocle.platform.Database.Engine;
import dev.monocle.platform.internal.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup scripts of {@code ops/backup} on a real PostgreSQL server, as an operator runs them: a
 * migrated database with a signed audit trail is backed up (pg_dump through age), the backup holds
 * no plaintext and nothing else is written; restored into a scratch database it has the same rows
 * in every table and its audit chain verifies with the same signing key. A restore never writes
 * over a database that has tables, and one with the wrong key leaves the target empty.
 */
@EnabledIfEnvironmentVariable(named = "MONOCLE_TEST_DATABASE", matches = "postgresql")
class BackupRestoreIT {

  private static final String SOURCE = "monocle_it_backup";
  private static final String SCRATCH = "monocle_it_restore";
  private static final String MARKER = "backup-marker-actor";

  @TempDir Path dir;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<TrailFixture> fixtures = new ArrayList<>();

  @AfterEach
  void close() {
    fixtures.forEach(TrailFixture::close);
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void aBackupRestoresIntoAScratchDatabaseWithTheSameRowsAndAValidChain() throws Exception {
    HikariDataSource source = TestDatabase.migrated(SOURCE, dir);
    pools.add(source);
    TestDatabases.recreate(SCRATCH);
    byte[] signingKey = TrailFixture.randomSecret();
    TrailFixture audit = fixture(source, signingKey);
    for (int i = 0; i < 50; i++) {
      audit.trail.record(TrailFixture.event("auth.login", MARKER, i));
    }
    assertTrue(audit.verify().valid());

    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path identity = keys.resolve("identity");
    Path recipients = keys.resolve("recipients");
    assertEquals(0, run(List.of("age-keygen", "-o", identity.toString()), Map.of(), null).exit());
    Files.writeString(
        recipients, run(List.of("age-keygen", "-y", identity.toString()), Map.of(), null).output());

    Path out = Files.createDirectories(dir.resolve("backups"));
    Path backup = out.resolve("monocle.dump.age");
    Commands.Result made =
        run(
            List.of("ops/backup/backup", libpqUrl(SOURCE)),
            Map.of("MONOCLE_BACKUP_RECIPIENTS_FILE", recipients.toString()),
            backup);
    assertEquals(0, made.exit(), made.output());
    byte[] bytes = Files.readAllBytes(backup);
    String asText = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(asText.startsWith("age-encryption.org/v1"), "an age file");
    assertFalse(asText.contains("PGDMP"), "no pg_dump header in clear");
    assertFalse(asText.contains(MARKER), "no row data in clear");
    assertFalse(asText.contains("audit_event"), "no schema in clear");
    try (Stream<Path> written = Files.list(out)) {
      assertEquals(List.of(backup), written.toList(), "nothing but the encrypted backup");
    }

    Map<String, String> withKey = Map.of("MONOCLE_BACKUP_IDENTITY_FILE", identity.toString());
    Commands.Result restored =
        run(List.of("ops/backup/restore", backup.toString(), libpqUrl(SCRATCH)), withKey, null);
    assertEquals(0, restored.exit(), restored.output());

    HikariDataSource scratch = pool(SCRATCH);
    Map<String, Long> before = rowCounts(source);
    assertTrue(before.get("\"audit_event\"") == 50L, before.toString());
    assertTrue(before.get("\"audit_checkpoint\"") > 0, before.toString());
    assertEquals(before, rowCounts(scratch), "every table has the same rows");
    ChainVerifier.Result chain = fixture(scratch, signingKey).verify();
    assertTrue(chain.valid(), chain.reason());
    assertEquals(50, chain.checked());

    Commands.Result again =
        run(List.of("ops/backup/restore", backup.toString(), libpqUrl(SCRATCH)), withKey, null);
    assertEquals(3, again.exit(), again.output());
    assertEquals(before, rowCounts(scratch), "a refused restore changed nothing");
  }

  @Test
  void theWrongKeyRestoresNothing() throws Exception {
    pools.add(TestDatabase.migrated(SOURCE, dir));
    TestDatabases.recreate(SCRATCH);
    Path mine = dir.resolve("mine");
    Path theirs = dir.resolve("theirs");
    run(List.of("age-keygen", "-o", mine.toString()), Map.of(), null);
    run(List.of("age-keygen", "-o", theirs.toString()), Map.of(), null);
    Path recipients = dir.resolve("recipients");
    Files.writeString(
        recipients, run(List.of("age-keygen", "-y", mine.toString()), Map.of(), null).output());
    Path backup = dir.resolve("monocle.dump.age");
    assertEquals(
        0,
        run(
                List.of("ops/backup/backup", libpqUrl(SOURCE)),
                Map.of("MONOCLE_BACKUP_RECIPIENTS_FILE", recipients.toString()),
                backup)
            .exit());

    Commands.Result refused =
        run(
            List.of("ops/backup/restore", backup.toString(), libpqUrl(SCRATCH)),
            Map.of("MONOCLE_BACKUP_IDENTITY_FILE", theirs.toString()),
            null);
    assertNotEquals(0, refused.exit(), refused.output());
    assertEquals(Map.of(), rowCounts(pool(SCRATCH)), "the target stays empty");
  }

  private TrailFixture fixture(HikariDataSource pool, byte[] signingKey) {
    TrailFixture f = new TrailFixture(pool, Engine.POSTGRESQL, Clock.systemUTC(), 10, signingKey);
    fixtures.add(f);
    return f;
  }

  private HikariDataSource pool(String database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(TestDatabases.directUrl(database));
    config.setUsername(TestDatabases.user());
    config.setMaximumPoolSize(4);
    HikariDataSource p = new HikariDataSource(config);
    pools.add(p);
    return p;
  }

  /** The libpq form of the test server's URL, as the scripts take it. */
  private static String libpqUrl(String database) {
    URI server = URI.create(TestDatabases.adminUrl().substring("jdbc:".length()));
    return "postgresql://"
        + TestDatabases.user()
        + "@"
        + server.getHost()
        + ":"
        + server.getPort()
        + "/"
        + database;
  }

  private static Map<String, Long> rowCounts(HikariDataSource pool) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String table : TestDatabases.tables(c).stream().sorted().toList()) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private static Commands.Result run(List<String> command, Map<String, String> env, Path stdout) {
    return Commands.run(command, env, stdout, Duration.ofMinutes(5));
  }
}
