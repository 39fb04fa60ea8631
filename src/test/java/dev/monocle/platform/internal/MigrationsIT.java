package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.it.TestDatabases;
import dev.monocle.platform.Database.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migrations run from an empty database on the engine of this run (an H2 file database, or
 * a freshly created PostgreSQL database) and are a no-op the second time.
 */
class MigrationsIT {

  @TempDir Path dir;

  @Test
  void runFromEmptyAndAreANoOpOnASecondStart() throws Exception {
    String url;
    if (TestDatabases.isPostgres()) {
      TestDatabases.recreate("monocle_it_migrations");
      url = TestDatabases.directUrl("monocle_it_migrations");
    } else {
      url = ConnectionPool.h2Url(dir);
    }
    Optional<String> user =
        TestDatabases.isPostgres() ? Optional.of(TestDatabases.user()) : Optional.empty();
    Engine engine = TestDatabases.isPostgres() ? Engine.POSTGRESQL : Engine.H2;
    int applied;
    try (HikariDataSource pool = ConnectionPool.open(url, user, Optional.empty(), 2)) {
      applied = new Migrations(pool, engine).migrate();
      assertTrue(applied > 0);
      try (Connection c = pool.getConnection();
          ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        boolean keysets = false;
        while (tables.next()) {
          keysets |= tables.getString("TABLE_NAME").equalsIgnoreCase("platform_keyset");
        }
        assertTrue(keysets, "platform_keyset created");
      }
    }
    try (HikariDataSource again = ConnectionPool.open(url, user, Optional.empty(), 2)) {
      Migrations second = new Migrations(again, engine);
      assertEquals(0, second.migrate(), "second start applies nothing");
      assertEquals(0, second.pending());
    }
  }
}
