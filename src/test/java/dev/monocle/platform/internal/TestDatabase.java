package dev.monocle.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.it.TestDatabases;
import dev.monocle.platform.Database.Engine;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A migrated, empty database on the engine of this integration-test run, for tests that drive the
 * platform's parts directly (no server): an H2 file in {@code dir}, or a freshly created PostgreSQL
 * database named {@code name}.
 */
public final class TestDatabase {

  private TestDatabase() {}

  public static Engine engine() {
    return TestDatabases.isPostgres() ? Engine.POSTGRESQL : Engine.H2;
  }

  public static HikariDataSource migrated(String name, Path dir) {
    String url;
    Optional<String> user = Optional.empty();
    if (TestDatabases.isPostgres()) {
      TestDatabases.recreate(name);
      url = TestDatabases.directUrl(name);
      user = Optional.of(TestDatabases.user());
    } else {
      url = ConnectionPool.h2Url(dir);
    }
    HikariDataSource pool = ConnectionPool.open(url, user, Optional.empty(), 4);
    new Migrations(pool, engine()).migrate();
    return pool;
  }
}
