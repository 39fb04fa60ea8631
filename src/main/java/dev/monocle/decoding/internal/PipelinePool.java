package dev.monocle.decoding.internal;

import dev.monocle.decoding.DecoderException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The warm pipelines of one mode: at most {@code size}, started when first needed, lent to one
 * caller at a time (the most recently used first, so the warmest answer), closed after {@code
 * recycleAfter} segments and replaced when a stage died or a segment timed out.
 */
final class PipelinePool implements AutoCloseable {

  private final ApertiumModes.Mode mode;
  private final Semaphore lendable;
  private final Deque<ApertiumPipeline> idle = new ConcurrentLinkedDeque<>();
  private final int recycleAfter;
  private final ScheduledExecutorService watchdog;
  private volatile boolean closed;

  PipelinePool(
      ApertiumModes.Mode mode, int size, int recycleAfter, ScheduledExecutorService watchdog) {
    this.mode = mode;
    this.lendable = new Semaphore(size, true);
    this.recycleAfter = recycleAfter;
    this.watchdog = watchdog;
  }

  /** Translates on one pipeline; waiting for a free pipeline counts against the timeout. */
  List<String> translate(List<String> segments, Duration timeout) {
    long started = System.nanoTime();
    try {
      if (!lendable.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw DecoderException.busy("every " + mode.name() + " pipeline is busy");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new DecoderException("interrupted", interrupted);
    }
    ApertiumPipeline pipeline = null;
    try {
      pipeline = borrow();
      Duration left = timeout.minusNanos(System.nanoTime() - started);
      List<String> translated =
          pipeline.translate(segments, left.isNegative() ? Duration.ZERO : left, watchdog);
      if (pipeline.segmentsTranslated() < recycleAfter && !closed) {
        idle.push(pipeline);
      } else {
        pipeline.close();
      }
      return translated;
    } catch (RuntimeException failed) {
      if (pipeline != null) {
        pipeline.close();
      }
      throw failed;
    } finally {
      lendable.release();
    }
  }

  private ApertiumPipeline borrow() {
    ApertiumPipeline pipeline;
    while ((pipeline = idle.poll()) != null) {
      if (pipeline.isAlive()) {
        return pipeline;
      }
      pipeline.close();
    }
    return ApertiumPipeline.start(mode.stages());
  }

  /** Starts one pipeline ahead of the first request. */
  void warm() {
    if (lendable.tryAcquire()) {
      try {
        idle.push(ApertiumPipeline.start(mode.stages()));
      } finally {
        lendable.release();
      }
    }
  }

  /** The process ids of the idle pipelines' stages (for fault tests and operators). */
  List<List<Long>> idlePids() {
    return idle.stream().map(ApertiumPipeline::pids).toList();
  }

  @Override
  public void close() {
    closed = true;
    ApertiumPipeline pipeline;
    while ((pipeline = idle.poll()) != null) {
      pipeline.close();
    }
  }
}
