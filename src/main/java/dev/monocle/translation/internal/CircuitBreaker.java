package dev.monocle.translation.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The circuit of one decoder node. Closed: requests flow; {@code threshold} failures in a row open
 * it. Open: no requests for {@code openNanos}; then half-open: one trial request at a time, whose
 * success closes the circuit and whose failure opens it again. A health probe that finds the node
 * down opens the circuit; one that finds it alive moves an open circuit to half-open, so a node
 * that comes back is tried at once.
 */
final class CircuitBreaker {

  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final int threshold;
  private final long openNanos;
  private final LongSupplier clock;
  private State state = State.CLOSED;
  private int failures;
  private long openedAt;
  private boolean trialRunning;
  private long trialSince;

  CircuitBreaker(int threshold, long openMillis, LongSupplier nanoClock) {
    this.threshold = Math.max(1, threshold);
    this.openNanos = TimeUnit.MILLISECONDS.toNanos(openMillis);
    this.clock = nanoClock;
  }

  /** What {@link #tryPass} granted: nothing, a pass, or the half-open circuit's one trial. */
  enum Pass {
    REFUSED,
    PASSED,
    TRIAL
  }

  /** Whether a request may go now; in half-open state it claims the one trial. */
  synchronized Pass tryPass() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
      state = State.HALF_OPEN;
      trialRunning = false;
    }
    return switch (state) {
      case CLOSED -> Pass.PASSED;
      case OPEN -> Pass.REFUSED;
      case HALF_OPEN -> {
        if (trialRunning) {
          yield Pass.REFUSED;
        }
        trialRunning = true;
        trialSince = clock.getAsLong();
        yield Pass.TRIAL;
      }
    };
  }

  /**
   * Whether a request could pass now, without claiming anything (routing looks before it picks).
   */
  synchronized boolean isPassable() {
    return switch (state) {
      case CLOSED -> true;
      case OPEN -> clock.getAsLong() - openedAt >= openNanos;
      case HALF_OPEN -> !trialRunning;
    };
  }

  synchronized void success() {
    state = State.CLOSED;
    failures = 0;
    trialRunning = false;
  }

  /** A request failed; {@code trial} says whether it held the half-open trial. */
  synchronized void failure(Pass pass) {
    if (pass == Pass.TRIAL) {
      trialRunning = false;
      open();
    } else if (state == State.CLOSED && ++failures >= threshold) {
      open();
    }
  }

  private void open() {
    state = State.OPEN;
    openedAt = clock.getAsLong();
    failures = 0;
  }

  /** A request that held the half-open trial never reached the node: free the trial. */
  synchronized void abandon(Pass pass) {
    if (pass == Pass.TRIAL) {
      trialRunning = false;
    }
  }

  /**
   * A health probe found the node down: open the circuit (it stays open until a probe succeeds).
   */
  synchronized void probeFailed() {
    open();
    trialRunning = false;
  }

  /** A health probe found the node alive: an open circuit may try again. */
  synchronized void probeSucceeded() {
    if (state == State.OPEN) {
      state = State.HALF_OPEN;
      trialRunning = false;
    } else if (state == State.HALF_OPEN
        && trialRunning
        && clock.getAsLong() - trialSince > openNanos) {
      trialRunning = false; // a trial that never reported back (the caller died) is forgotten
    }
  }

  synchronized State state() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
      return State.HALF_OPEN;
    }
    return state;
  }
}
