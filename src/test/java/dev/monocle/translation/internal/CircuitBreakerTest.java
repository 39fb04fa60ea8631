package dev.monocle.translation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.translation.internal.CircuitBreaker.State;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final AtomicLong now = new AtomicLong();
  private final CircuitBreaker circuit = new CircuitBreaker(3, 1_000, now::get);

  private void advanceMillis(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void opensAfterThresholdFailuresInARowOnly() {
    circuit.failure();
    circuit.failure();
    circuit.success();
    circuit.failure();
    circuit.failure();
    assertEquals(State.CLOSED, circuit.state());
    circuit.failure();
    assertEquals(State.OPEN, circuit.state());
    assertFalse(circuit.tryPass());
    assertFalse(circuit.isPassable());
  }

  @Test
  void afterTheOpenTimeOneTrialPassesAndItsOutcomeDecides() {
    for (int i = 0; i < 3; i++) {
      circuit.failure();
    }
    advanceMillis(999);
    assertFalse(circuit.tryPass());
    advanceMillis(1);
    assertEquals(State.HALF_OPEN, circuit.state());
    assertTrue(circuit.tryPass());
    assertFalse(circuit.tryPass(), "one trial at a time");
    circuit.failure();
    assertEquals(State.OPEN, circuit.state(), "a failed trial opens it again");
    advanceMillis(1_000);
    assertTrue(circuit.tryPass());
    circuit.success();
    assertEquals(State.CLOSED, circuit.state());
    assertTrue(circuit.tryPass() && circuit.tryPass());
  }

  @Test
  void anAbandonedTrialFreesTheSlot() {
    for (int i = 0; i < 3; i++) {
      circuit.failure();
    }
    advanceMillis(1_000);
    assertTrue(circuit.tryPass());
    circuit.abandonTrial();
    assertTrue(circuit.tryPass());
  }

  @Test
  void probesOpenAndHalfOpenTheCircuit() {
    circuit.probeFailed();
    assertEquals(State.OPEN, circuit.state());
    advanceMillis(900);
    circuit.probeFailed();
    advanceMillis(900);
    assertEquals(State.OPEN, circuit.state(), "a failing probe keeps it open");
    circuit.probeSucceeded();
    assertEquals(State.HALF_OPEN, circuit.state());
    assertTrue(circuit.tryPass());
    circuit.success();
    assertEquals(State.CLOSED, circuit.state());
    circuit.probeSucceeded();
    assertEquals(State.CLOSED, circuit.state(), "a good probe does not touch a closed circuit");
  }
}
