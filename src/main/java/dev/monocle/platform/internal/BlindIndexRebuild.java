package dev.monocle.platform.internal;

import dev.monocle.platform.BlindIndex;
import dev.monocle.platform.BlindIndexed;
import dev.monocle.platform.FieldBinding;
import dev.monocle.platform.FieldCipher;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.SealedFieldListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Recomputes every blind-index column (declared with {@link BlindIndexed}) from its sealed value,
 * after the blind-index key changed. Rows go in batches of 500, each batch a transaction.
 */
final class BlindIndexRebuild {

  private static final int BATCH = 500;

  /** One index column: where it lives, which sealed column it is made from, and its purpose. */
  record IndexColumn(
      String table, String idColumn, String sealedColumn, String indexColumn, String purpose) {

    IndexColumn {
      // The names go into SQL text; the same rule as for sealed columns.
      new SealedTable(table, idColumn, List.of(sealedColumn, indexColumn));
    }
  }

  static List<IndexColumn> registry(Collection<Class<?>> entities) {
    List<IndexColumn> columns = new ArrayList<>();
    for (Class<?> entity : entities) {
      for (SealedFieldListener.SealedField field : SealedFieldListener.fieldsOf(entity)) {
        BlindIndexed indexed = field.blindIndex();
        if (indexed != null) {
          columns.add(
              new IndexColumn(
                  field.table(),
                  field.idColumn(),
                  field.column(),
                  indexed.column(),
                  indexed.purpose()));
        }
      }
    }
    return columns;
  }

  private BlindIndexRebuild() {}

  private static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return e.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState());
  }

  /** Rebuilds every index column; the number of rows whose index was written. */
  static long rebuild(
      DataSource dataSource, FieldCipher cipher, BlindIndex index, List<IndexColumn> columns) {
    long rows = 0;
    for (IndexColumn column : columns) {
      String last = null;
      while (true) {
        int n;
        try (Connection c = dataSource.getConnection()) {
          c.setAutoCommit(false);
          try {
            List<String> ids = new ArrayList<>();
            List<byte[]> sealedValues = new ArrayList<>();
            List<String> values = new ArrayList<>();
            int selected = 0;
            try (PreparedStatement s =
                c.prepareStatement(
                    "SELECT "
                        + column.idColumn()
                        + ", "
                        + column.sealedColumn()
                        + " FROM "
                        + column.table()
                        + (last == null ? "" : " WHERE " + column.idColumn() + " > ?")
                        + " ORDER BY "
                        + column.idColumn()
                        + " LIMIT "
                        + BATCH)) {
              if (last != null) {
                s.setString(1, last);
              }
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  selected++;
                  String id = rs.getString(1);
                  byte[] sealed = rs.getBytes(2);
                  last = id;
                  if (sealed == null) {
                    continue; // nothing to index
                  }
                  ids.add(id);
                  sealedValues.add(sealed);
                  values.add(
                      index.of(
                          column.purpose(),
                          cipher.open(
                              sealed,
                              new FieldBinding(column.table(), column.sealedColumn(), id))));
                }
              }
            }
            try (PreparedStatement u =
                c.prepareStatement(
                    "UPDATE "
                        + column.table()
                        + " SET "
                        + column.indexColumn()
                        + " = ? WHERE "
                        + column.idColumn()
                        + " = ? AND "
                        + column.sealedColumn()
                        + " = ?")) {
              // Conditional on the value read: an index the application wrote for a changed value
              // meanwhile is kept.
              for (int i = 0; i < ids.size(); i++) {
                u.setString(1, values.get(i));
                u.setString(2, ids.get(i));
                u.setBytes(3, sealedValues.get(i));
                u.addBatch();
              }
              u.executeBatch();
            } catch (SQLException e) {
              if (isUniqueViolation(e)) {
                throw ProblemException.conflict(
                    "Two rows of "
                        + column.table()
                        + " now hold the same "
                        + column.sealedColumn()
                        + " (written while the index was rebuilt): resolve the duplicate and rotate"
                        + " again.");
              }
              throw e;
            }
            c.commit();
            n = selected;
            rows += ids.size();
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          }
        } catch (SQLException e) {
          throw new IllegalStateException("blind index of " + column.table() + " not rebuilt", e);
        }
        if (n < BATCH) {
          break;
        }
      }
    }
    return rows;
  }
}
