package dev.monocle.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.platform.Database.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the connection pool for the configured database: H2 under the data dir by default. */
final class ConnectionPool {

  private ConnectionPool() {}

  static String h2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("db").resolve("monocle") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  static Engine engineOf(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return Engine.POSTGRESQL;
    }
    if (url.startsWith("jdbc:h2:")) {
      return Engine.H2;
    }
    throw new IllegalArgumentException("MONOCLE_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL");
  }

  static HikariDataSource open(
      String url, Optional<String> user, Optional<byte[]> password, int maximumPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("monocle");
    config.setJdbcUrl(url);
    config.setDriverClassName(
        engineOf(url) == Engine.POSTGRESQL ? "org.postgresql.Driver" : "org.h2.Driver");
    user.ifPresent(config::setUsername);
    password.ifPresent(p -> config.setPassword(new String(p, StandardCharsets.UTF_8)));
    config.setMaximumPoolSize(maximumPoolSize);
    config.setMinimumIdle(Math.min(2, maximumPoolSize));
    // Readiness must answer quickly when the database is gone, and the pool must not refuse to
    // exist just because the database is down at start-up: it reconnects when it comes back.
    config.setConnectionTimeout(3_000);
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(-1);
    config.setAutoCommit(true);
    return new HikariDataSource(config);
  }
}
