package dev.monocle.translation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LatencyWindowTest {

  @Test
  void percentilesOfTheLastCalls() {
    LatencyWindow window = new LatencyWindow(4);
    assertNull(window.percentileMillis(50));
    for (long ms : new long[] {100, 1, 2, 3, 4}) {
      window.record(ms * 1_000_000);
    }
    assertEquals(2.0, window.percentileMillis(50), "the oldest (100 ms) fell out");
    assertEquals(4.0, window.percentileMillis(95));
  }
}
