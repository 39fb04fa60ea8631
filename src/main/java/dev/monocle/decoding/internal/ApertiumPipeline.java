package dev.monocle.decoding.internal;

import dev.monocle.decoding.DecoderException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One warm Apertium pipeline: a process per stage, joined by OS pipes, every stage flushing at NUL
 * ({@code -z}). A segment goes in as its stream format followed by {@code " \0"} (the blank
 * matters: without it the tagger waits for more) and comes out of the last stage up to the next
 * NUL. Several segments are written before the first answer is read, so the stages work on
 * different segments at once. A reader thread drains the last stage, so writing never waits on
 * reading. Not for concurrent use: the pool lends a pipeline to one caller at a time.
 */
final class ApertiumPipeline implements AutoCloseable {

  private static final Object END = new Object();

  private final List<Process> processes;
  private final OutputStream input;
  private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
  private volatile boolean dead;
  private final java.util.concurrent.atomic.AtomicInteger segmentsTranslated =
      new java.util.concurrent.atomic.AtomicInteger();
  private long nextTag;

  private ApertiumPipeline(List<Process> processes) {
    this.processes = processes;
    this.input = new BufferedOutputStream(processes.get(0).getOutputStream(), 1 << 16);
    Thread reader =
        new Thread(
            () -> readAnswers(processes.get(processes.size() - 1).getInputStream()),
            "apertium-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static ApertiumPipeline start(List<List<String>> stages) {
    List<ProcessBuilder> builders = new ArrayList<>();
    for (List<String> stage : stages) {
      builders.add(new ProcessBuilder(stage).redirectError(ProcessBuilder.Redirect.DISCARD));
    }
    try {
      return new ApertiumPipeline(ProcessBuilder.startPipeline(builders));
    } catch (IOException cannotStart) {
      throw new DecoderException("Apertium pipeline could not start", cannotStart);
    }
  }

  /** The process ids of the stages, first to last (for operators and fault tests). */
  List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  boolean isAlive() {
    return !dead && processes.stream().allMatch(Process::isAlive);
  }

  int segmentsTranslated() {
    return segmentsTranslated.get();
  }

  /**
   * Translates the segments in order. A deadline covers the whole batch: when it passes, the
   * watchdog kills the pipeline, which also frees a writer blocked on a full pipe.
   */
  List<String> translate(
      List<String> segments, Duration timeout, ScheduledExecutorService watchdog) {
    if (dead) {
      throw new DecoderException("Apertium pipeline is closed", null);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    ScheduledFuture<?> alarm =
        watchdog.schedule(this::close, timeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      List<StreamFormat.Encoded> encoded = new ArrayList<>(segments.size());
      long firstTag = nextTag;
      for (String segment : segments) {
        StreamFormat.Encoded one = StreamFormat.encode(segment);
        encoded.add(one);
        input.write(tag(nextTag++).getBytes(StandardCharsets.US_ASCII));
        input.write(one.stream().getBytes(StandardCharsets.UTF_8));
        input.write(FLUSH);
      }
      input.flush();
      List<String> translated = new ArrayList<>(segments.size());
      long expected = firstTag;
      for (StreamFormat.Encoded one : encoded) {
        long left = deadline - System.nanoTime();
        Object answer = left > 0 ? answers.poll(left, TimeUnit.NANOSECONDS) : null;
        if (answer == null) {
          close();
          throw new DecoderException("Apertium pipeline timed out", null);
        }
        if (answer == END) {
          close();
          throw new DecoderException("an Apertium stage ended", null);
        }
        String tagged = (String) answer;
        String tag = tag(expected++);
        int at = tagged.indexOf(tag);
        if (at < 0) {
          close();
          throw new DecoderException("Apertium pipeline out of step", null);
        }
        String stream = tagged.substring(0, at) + tagged.substring(at + tag.length());
        translated.add(StreamFormat.decode(withoutFlushBlank(stream), one.lifted()));
      }
      segmentsTranslated.addAndGet(segments.size());
      return translated;
    } catch (IOException broken) {
      close();
      throw new DecoderException("Apertium pipeline broke", broken);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      close();
      throw new DecoderException("interrupted", interrupted);
    } finally {
      alarm.cancel(false);
    }
  }

  private static final byte[] FLUSH = {' ', 0};

  /**
   * Each segment starts with a superblank naming it; Apertium passes superblanks through, so an
   * answer that does not carry its segment's tag is out of step and the pipeline is dropped before
   * one caller could read another's text.
   */
  private static String tag(long sequence) {
    return "[=" + sequence + "]";
  }

  /** The blank written before each NUL comes back at the segment's end: it is not the text's. */
  private static String withoutFlushBlank(String answer) {
    return answer.endsWith(" ") ? answer.substring(0, answer.length() - 1) : answer;
  }

  private void readAnswers(InputStream output) {
    try (InputStream in = output) {
      byte[] buffer = new byte[1 << 16];
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      int read;
      while ((read = in.read(buffer)) > 0) {
        int start = 0;
        for (int i = 0; i < read; i++) {
          if (buffer[i] == 0) {
            answer.write(buffer, start, i - start);
            answers.add(answer.toString(StandardCharsets.UTF_8));
            answer.reset();
            start = i + 1;
          }
        }
        answer.write(buffer, start, read - start);
      }
    } catch (IOException closed) {
      // the pipeline was closed or a stage died: END below tells the waiting caller
    } finally {
      dead = true;
      answers.add(END);
    }
  }

  @Override
  public void close() {
    dead = true;
    for (Process process : processes) {
      process.destroyForcibly();
    }
    try {
      input.close();
    } catch (IOException alreadyBroken) {
      // the stages are gone either way
    }
  }
}
