package dev.monocle.platform.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps every {@code Instant} attribute to a SQL {@code TIMESTAMP}: the EclipseLink that Payara
 * ships (4.0.x) would otherwise serialise it into a binary value.
 */
@Converter(autoApply = true)
public class InstantColumns implements AttributeConverter<Instant, Timestamp> {

  @Override
  public Timestamp convertToDatabaseColumn(Instant value) {
    return value == null ? null : Timestamp.from(value);
  }

  @Override
  public Instant convertToEntityAttribute(Timestamp value) {
    return value == null ? null : value.toInstant();
  }
}
