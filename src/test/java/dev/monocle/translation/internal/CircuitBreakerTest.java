package dev.monocle.translation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.monocle.translation.internal.CircuitBreaker.Pass;
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

  private void open() {
    for (int i = 0; i < 3; i++) {
      circuit.failure(Pass.PASSED);
    }
  }

  @Test
  void opensAfterThresholdFailuresInARowOnly() {
    circuit.failure(Pass.PASSED);
    circuit.failure(Pass.PASSED);
    circuit.success();
    circuit.failure(Pass.PASSED);
    circuit.failure(Pass.PASSED);
    assertEquals(State.CLOSED, circuit.state());
    circuit.failure(Pass.PASSED);
    assertEquals(State.OPEN, circuit.state());
    assertEquals(Pass.REFUSED, circuit.tryPass());
    assertFalse(circuit.isPassable());
  }

  @Test
  void afterTheOpenTimeOneTrialPassesAndItsOutcomeDecides() {
    open();
    advanceMillis(999);
    assertEquals(Pass.REFUSED, circuit.tryPass());
    advanceMillis(1);
    assertEquals(State.HALF_OPEN, circuit.state());
    assertEquals(Pass.TRIAL, circuit.tryPass());
    assertEquals(Pass.REFUSED, circuit.tryPass(), "one trial at a time");
    circuit.failure(Pass.TRIAL);
    assertEquals(State.OPEN, circuit.state(), "a failed trial opens it again");
    advanceMillis(1_000);
    assertEquals(Pass.TRIAL, circuit.tryPass());
    circuit.success();
    assertEquals(State.CLOSED, circuit.state());
    assertEquals(Pass.PASSED, circuit.tryPass());
    assertEquals(Pass.PASSED, circuit.tryPass());
  }

  @Test
  void onlyTheTrialsHolderFreesOrDecidesIt() {
    Pass early = circuit.tryPass(); // entered while closed
    open();
    advanceMillis(1_000);
    assertEquals(Pass.TRIAL, circuit.tryPass());
    circuit.abandon(early);
    circuit.failure(early);
    assertEquals(Pass.REFUSED, circuit.tryPass(), "the trial is still out");
    assertEquals(State.HALF_OPEN, circuit.state());
    circuit.abandon(Pass.TRIAL);
    assertEquals(Pass.TRIAL, circuit.tryPass(), "an abandoned trial frees the slot");
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
    assertEquals(Pass.TRIAL, circuit.tryPass());
    circuit.success();
    assertEquals(State.CLOSED, circuit.state());
    circuit.probeSucceeded();
    assertEquals(State.CLOSED, circuit.state(), "a good probe does not touch a closed circuit");
  }

  @Test
  void aTrialThatNeverReportsIsForgottenByALaterGoodProbe() {
    open();
    advanceMillis(1_000);
    assertEquals(Pass.TRIAL, circuit.tryPass());
    circuit.probeSucceeded();
    assertEquals(Pass.REFUSED, circuit.tryPass(), "still young");
    advanceMillis(1_001);
    circuit.probeSucceeded();
    assertEquals(Pass.TRIAL, circuit.tryPass());
  }
}
