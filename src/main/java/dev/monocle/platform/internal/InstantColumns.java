package dev.monocle.platform.internal;

import dev.monocle.platform.JdbcTime;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Maps every {@code Instant} attribute to a SQL {@code TIMESTAMP}: the EclipseLink that Payara
 * ships (4.0.x) would otherwise serialise it into a binary value. The column holds UTC wall time,
 * exactly as {@link JdbcTime} writes it, whatever the JVM's time zone, so entities and plain JDBC
 * read and compare the same instants. (A {@code java.sql.Timestamp} would carry the JVM's zone and
 * shift wall times that fall into its daylight-saving gaps.)
 */
@Converter(autoApply = true)
public class InstantColumns implements AttributeConverter<Instant, LocalDateTime> {

  @Override
  public LocalDateTime convertToDatabaseColumn(Instant value) {
    return JdbcTime.toColumn(value);
  }

  @Override
  public Instant convertToEntityAttribute(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
