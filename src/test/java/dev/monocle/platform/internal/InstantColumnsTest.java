package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantColumnsTest {

  private final InstantColumns columns = new InstantColumns();

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Chatham"})
  void theColumnHoldsUtcWallTimeInAnyJvmZone(String zone) {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try {
      // 02:30 on 8 March 2026 does not exist in Los Angeles (clocks jump from 02:00 to 03:00)
      Instant instant = Instant.parse("2026-03-08T02:30:00.123456Z");

      LocalDateTime column = columns.convertToDatabaseColumn(instant);

      assertEquals(LocalDateTime.parse("2026-03-08T02:30:00.123456"), column);
      assertEquals(instant, columns.convertToEntityAttribute(column));
      assertNull(columns.convertToDatabaseColumn(null));
      assertNull(columns.convertToEntityAttribute(null));
    } finally {
      TimeZone.setDefault(before);
    }
  }
}
