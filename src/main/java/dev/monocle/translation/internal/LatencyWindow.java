package dev.monocle.translation.internal;

import java.util.Arrays;

/** The latencies of a node's last {@code size} calls, for its percentiles. */
final class LatencyWindow {

  private final long[] nanos;
  private int next;
  private int count;

  LatencyWindow(int size) {
    nanos = new long[size];
  }

  synchronized void record(long elapsedNanos) {
    nanos[next] = elapsedNanos;
    next = (next + 1) % nanos.length;
    count = Math.min(count + 1, nanos.length);
  }

  /** The given percentile in milliseconds, or null before the first call. */
  synchronized Double percentileMillis(double percentile) {
    if (count == 0) {
      return null;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
    double millis = sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    return Math.round(millis * 100) / 100.0;
  }
}
