package dev.monocle.catalog.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Transactions on a pooled connection for the frame tables, which the catalog reads in SQL. */
@ApplicationScoped
public class CatalogJdbc {

  @Inject Database database;

  /** Work on one connection. */
  public interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction; a duplicate SKU is a 409 naming the field. */
  public <T> T transaction(Work<T> work) {
    try {
      return database.inJdbcTransaction(work::on);
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw ProblemException.conflict(
            "Another frame of this tenant has that SKU.",
            new FieldError("sku", "is taken by another frame"));
      }
      if ("22001".equals(e.getSQLState()) || "22021".equals(e.getSQLState())) {
        throw ProblemException.validation(
            List.of(new FieldError("body", "holds a value the catalog cannot store")));
      }
      throw new IllegalStateException("catalog database failure", e);
    }
  }
}
