package dev.monocle.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.it.TestDatabases;
import dev.monocle.platform.Database.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

  /**
   * A freshly created, migrated PostgreSQL database for a benchmark, on the server of {@code
   * -Dmonocle.bench.db.url} (ending in {@code /}) as {@code -Dmonocle.bench.db.user}.
   */
  public static HikariDataSource benchPool(String database, int size) throws SQLException {
    String server = System.getProperty("monocle.bench.db.url");
    String user = System.getProperty("monocle.bench.db.user", "postgres");
    try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server + database);
    config.setUsername(user);
    config.setMaximumPoolSize(size);
    HikariDataSource pool = new HikariDataSource(config);
    new Migrations(pool, Engine.POSTGRESQL).migrate();
    return pool;
  }
}
