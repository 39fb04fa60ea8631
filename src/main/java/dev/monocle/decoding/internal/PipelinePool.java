package dev.monocle.decoding.internal;

import dev.monocle.decoding.DecoderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The warm pipelines of one mode: at most {@code size}, each started when first needed, closed
 * after {@code recycleAfter} segments and replaced when a stage died or a batch timed out.
 *
 * <p>Callers share pipelines: a batch goes to the warm pipeline with the fewest characters in
 * flight that still has room (fewer than {@code depth} segments and {@link #CHARS_IN_FLIGHT}
 * characters; an empty pipeline takes any batch). A pipeline is started in a free slot only when no
 * warm one has room, and when every slot is full the caller waits for room, within its timeout. So
 * a long segment does not hold up short ones while another slot is free, and under load the stages
 * see many segments at once.
 */
final class PipelinePool implements AutoCloseable {

  /** Characters in flight beyond which a pipeline takes no more batches (unless empty). */
  static final int CHARS_IN_FLIGHT = 4_000;

  private final ApertiumModes.Mode mode;
  private final Slot[] slots;
  private final int depth;
  private final int recycleAfter;
  private final ScheduledExecutorService watchdog;
  private boolean closed; // guarded by this

  /** A pipeline and what is in flight in it. */
  private static final class Slot {
    final ApertiumPipeline pipeline;
    int segments;
    int chars;
    boolean retired;

    Slot(ApertiumPipeline pipeline) {
      this.pipeline = pipeline;
    }
  }

  PipelinePool(
      ApertiumModes.Mode mode,
      int size,
      int depth,
      int recycleAfter,
      ScheduledExecutorService watchdog) {
    this.mode = mode;
    this.slots = new Slot[size];
    this.depth = depth;
    this.recycleAfter = recycleAfter;
    this.watchdog = watchdog;
  }

  /** Translates on one pipeline; waiting for room counts against the timeout. */
  List<String> translate(List<String> segments, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int chars = segments.stream().mapToInt(String::length).sum();
    Slot slot = enter(segments.size(), chars, deadline);
    try {
      return slot.pipeline.translate(
          segments, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), watchdog);
    } finally {
      leave(slot, segments.size(), chars);
    }
  }

  private synchronized Slot enter(int segments, int chars, long deadline) {
    try {
      while (true) {
        if (closed) {
          throw new DecoderException("the " + mode.name() + " pipelines are closed", null);
        }
        Slot chosen = null;
        int free = -1;
        for (int i = 0; i < slots.length; i++) {
          Slot slot = slots[i];
          if (slot != null && !slot.pipeline.isAlive()) {
            retire(slot);
            slot = null;
          }
          if (slot == null) {
            free = free < 0 ? i : free;
          } else if (hasRoom(slot) && (chosen == null || slot.chars < chosen.chars)) {
            chosen = slot;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) { // late already: it must not take a place in a pipeline shared with others
          throw DecoderException.busy("every " + mode.name() + " pipeline is busy");
        }
        if (chosen == null && free >= 0) {
          chosen = slots[free] = new Slot(ApertiumPipeline.start(mode.stages()));
        }
        if (chosen != null) {
          chosen.segments += segments;
          chosen.chars += chars;
          return chosen;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new DecoderException("interrupted", interrupted);
    }
  }

  private boolean hasRoom(Slot slot) {
    return slot.segments == 0 || (slot.segments < depth && slot.chars < CHARS_IN_FLIGHT);
  }

  /**
   * A batch is done. Its pipeline leaves service when it is retired already, when it died (every
   * failure of a batch in it kills it) or when it reached its quota.
   */
  private synchronized void leave(Slot slot, int segments, int chars) {
    slot.segments -= segments;
    slot.chars -= chars;
    if (slot.retired
        || !slot.pipeline.isAlive()
        || slot.pipeline.segmentsTranslated() >= recycleAfter) {
      retire(slot);
    }
    notifyAll();
  }

  /** Takes a pipeline out of service; it closes when its last batch is done. */
  private void retire(Slot slot) {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == slot) {
        slots[i] = null;
      }
    }
    slot.retired = true;
    if (slot.segments == 0) {
      slot.pipeline.close();
    }
  }

  /** Starts one pipeline ahead of the first request. */
  synchronized void warm() {
    if (!closed && slots.length > 0 && slots[0] == null) {
      slots[0] = new Slot(ApertiumPipeline.start(mode.stages()));
    }
  }

  /** The process ids of the stages of the pipelines in service (for fault tests and operators). */
  synchronized List<List<Long>> pipelinePids() {
    List<List<Long>> pids = new ArrayList<>();
    for (Slot slot : slots) {
      if (slot != null) {
        pids.add(slot.pipeline.pids());
      }
    }
    return pids;
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Slot slot : slots) {
      if (slot != null) {
        retire(slot);
      }
    }
    notifyAll();
  }
}
