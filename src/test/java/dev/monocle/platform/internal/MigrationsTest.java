package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.platform.Database.Engine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On H2 here; the integration tests repeat it on PostgreSQL. */
class MigrationsTest {

  @Test
  void migratesAnEmptyDatabaseAndIsANoOpTheSecondTime() {
    try (HikariDataSource pool =
        ConnectionPool.open(
            "jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            Optional.empty(),
            Optional.empty(),
            2)) {
      Migrations migrations = new Migrations(pool, Engine.H2);
      assertTrue(migrations.migrate() > 0);
      assertEquals(0, migrations.pending());
      assertEquals(0, new Migrations(pool, Engine.H2).migrate());
    }
  }
}
