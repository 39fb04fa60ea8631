package dev.monocle.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in {@code TIMESTAMP} columns, always as UTC wall time: instances in other time zones
 * read back exactly what was written, on H2 and PostgreSQL alike.
 */
public final class JdbcTime {

  private JdbcTime() {}

  public static LocalDateTime toColumn(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
