package dev.monocle.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the database of an integration-test run before any Payara Micro boots (failsafe sets
 * {@code MONOCLE_TEST_DATABASE}): for H2 an empty data directory; for PostgreSQL a freshly created
 * database {@code monocle_it}, reached through a {@link TcpProxy} whose port Monocle is given.
 */
public final class TestDatabases implements LauncherSessionListener {

  public static final String IT_DATABASE = "monocle_it";
  private static volatile TcpProxy proxy;

  public static Optional<String> kind() {
    return Optional.ofNullable(System.getenv("MONOCLE_TEST_DATABASE"));
  }

  public static boolean isPostgres() {
    return kind().filter("postgresql"::equals).isPresent();
  }

  /** The proxy in front of PostgreSQL (PostgreSQL runs only). */
  public static TcpProxy proxy() {
    return proxy;
  }

  /** The JDBC URL of the PostgreSQL server's maintenance database, e.g. the local {@code test}. */
  public static String adminUrl() {
    return System.getProperty("monocle.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  public static String user() {
    return System.getProperty("monocle.test.db.user", "postgres");
  }

  /** Drops and creates a database on the test PostgreSQL server. */
  public static void recreate(String database) {
    try (Connection c = DriverManager.getConnection(adminUrl(), user(), "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare PostgreSQL database " + database, e);
    }
  }

  /** A JDBC URL for a database on the test server, direct (not through the proxy). */
  public static String directUrl(String database) {
    URI server = URI.create(adminUrl().substring("jdbc:".length()));
    return "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
  }

  /**
   * A direct connection to the database the running server uses, as someone with database access
   * has it: PostgreSQL directly, H2 through its automatic server mode (the it-h2 run opens the file
   * with {@code AUTO_SERVER=TRUE}).
   */
  public static Connection rawConnection() throws SQLException {
    if (isPostgres()) {
      return DriverManager.getConnection(directUrl(IT_DATABASE), user(), "");
    }
    return DriverManager.getConnection(
        "jdbc:h2:file:"
            + Path.of(System.getenv("MONOCLE_DATA_DIR"), "db", "monocle")
            + ";AUTO_SERVER=TRUE",
        "",
        "");
  }

  /** Every table of Monocle's schema ({@code public}), quoted for SQL. */
  public static java.util.List<String> tables(Connection c) throws SQLException {
    java.util.List<String> tables = new java.util.ArrayList<>();
    try (java.sql.ResultSet rs =
        c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
          tables.add("\"" + rs.getString("TABLE_NAME") + "\"");
        }
      }
    }
    return tables;
  }

  /**
   * Every value of every table as text, as someone holding the database would read it (binary
   * values as ISO-8859-1, so any plaintext inside shows), for scans for PII and secrets.
   */
  public static String dump(Connection c) throws SQLException {
    StringBuilder dump = new StringBuilder();
    for (String table : tables(c)) {
      dump.append(dump(c, table));
    }
    return dump.toString();
  }

  /**
   * Every value of one table as text (empty when the table has no rows); binary values both as
   * ISO-8859-1 and as UTF-8, so that ASCII and non-ASCII plaintext inside both show.
   */
  public static String dump(Connection c, String table) throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          if (v instanceof byte[] bytes) {
            dump.append(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            dump.append('|').append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          } else {
            dump.append(v);
          }
          dump.append('|');
        }
      }
    }
    return dump.toString();
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (kind().isEmpty()) {
      return;
    }
    ServerOutput.capture();
    try {
      if (isPostgres()) {
        recreate(IT_DATABASE);
        URI server = URI.create(adminUrl().substring("jdbc:".length()));
        int port = Integer.parseInt(System.getProperty("monocle.test.db.proxy.port"));
        proxy = new TcpProxy(port, server.getHost(), server.getPort());
      }
      emptyDataDir();
      writeBootstrapPassword();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh random password for the bootstrap admin of this run (never committed). */
  private static void writeBootstrapPassword() throws IOException {
    String file = System.getenv("MONOCLE_BOOTSTRAP_ADMIN_PASSWORD_FILE");
    if (file != null) {
      byte[] random = new byte[18];
      new java.security.SecureRandom().nextBytes(random);
      Files.createDirectories(Path.of(file).getParent());
      Files.writeString(
          Path.of(file),
          "it " + java.util.Base64.getUrlEncoder().encodeToString(random) + " admin");
    }
  }

  /** The bootstrap admin's password of this run. */
  public static String bootstrapPassword() {
    try {
      return Files.readString(Path.of(System.getenv("MONOCLE_BOOTSTRAP_ADMIN_PASSWORD_FILE")))
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void emptyDataDir() throws IOException {
    String dir = System.getenv("MONOCLE_DATA_DIR");
    if (dir == null || !Files.exists(Path.of(dir))) {
      return;
    }
    try (Stream<Path> files = Files.walk(Path.of(dir))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (proxy != null) {
      try {
        proxy.close();
      } catch (IOException ignored) {
        // the JVM is ending
      }
    }
  }
}
