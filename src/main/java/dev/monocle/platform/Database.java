package dev.monocle.platform;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one database of Monocle (embedded H2 or PostgreSQL, chosen by configuration). Modules use it
 * from their {@code internal} repositories only. A transaction started inside another on the same
 * thread joins it.
 */
public interface Database {

  /** Runs {@code work} in a transaction and returns its result; a runtime exception rolls back. */
  <T> T inTransaction(Function<EntityManager, T> work);

  /** Runs {@code work} in a transaction; a runtime exception rolls back. */
  default void run(Consumer<EntityManager> work) {
    inTransaction(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /** The pooled connections, for the few places that need plain JDBC (locks, bulk work). */
  DataSource dataSource();

  /** Work on one JDBC connection. */
  @FunctionalInterface
  interface JdbcWork<T> {
    T on(java.sql.Connection c) throws java.sql.SQLException;
  }

  /**
   * Runs {@code work} in one JDBC transaction on a pooled connection: committed when it returns,
   * rolled back when it throws. The caller maps a {@code SQLException} to what it means.
   */
  default <T> T inJdbcTransaction(JdbcWork<T> work) throws java.sql.SQLException {
    try (java.sql.Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.on(c);
        c.commit();
        return result;
      } catch (java.sql.SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Which engine runs, for the rare statement that differs between them. */
  Engine engine();

  /** The database engines Monocle supports. */
  enum Engine {
    H2,
    POSTGRESQL
  }
}
