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
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One warm Apertium pipeline: a process per stage, joined by OS pipes, every stage flushing at NUL
 * ({@code -z}). A segment goes in as its stream format followed by {@code " \0"} (the blank
 * matters: without it the tagger waits for more) and comes out of the last stage up to the next
 * NUL.
 *
 * <p>Several callers may have batches in the pipeline at once: each writes its segments whole under
 * the write lock, so the pipeline's order is the callers' order, and a reader thread hands each
 * answer to the oldest batch still waiting. The stages then work on many segments at a time and
 * wake once for several of them; this halves Apertium's CPU time per segment under load (measured
 * in {@code ops/bench/README.md}). Each segment starts with a superblank naming it, which Apertium
 * passes through: an answer that does not carry the name its batch expects is out of step, and the
 * pipeline is killed before any caller could read another's text. NUL flushing keeps segments apart
 * exactly as when they are written one at a time.
 */
final class ApertiumPipeline implements AutoCloseable {

  private final List<Process> processes;
  private final OutputStream input;
  private final ReentrantLock writing = new ReentrantLock();
  private final Queue<Batch> waiting = new ConcurrentLinkedQueue<>();
  private volatile boolean dead;
  private final AtomicInteger segmentsTranslated = new AtomicInteger();
  private long nextTag; // guarded by writing

  /** One caller's segments in the pipeline; {@code answers} are filled by the reader, in order. */
  private static final class Batch {
    final long firstTag;
    final String[] answers;
    int received; // reader thread only
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Batch(long firstTag, int size) {
      this.firstTag = firstTag;
      this.answers = new String[size];
    }
  }

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
   * Translates the segments in order. A deadline covers the whole batch, including the wait for the
   * write lock and for batches ahead of it: when it passes, the pipeline is killed (which also
   * frees a writer blocked on a full pipe), and every batch in it fails.
   */
  List<String> translate(
      List<String> segments, Duration timeout, ScheduledExecutorService watchdog) {
    List<StreamFormat.Encoded> encoded = new ArrayList<>(segments.size());
    for (String segment : segments) {
      encoded.add(StreamFormat.encode(segment));
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new DecoderException("Apertium pipeline timed out", null); // late already: kill nothing
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    ScheduledFuture<?> alarm;
    try {
      alarm = watchdog.schedule(this::close, timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      throw new DecoderException("the Apertium engine is stopping", shuttingDown);
    }
    Batch batch;
    try {
      batch = write(encoded, deadline);
      batch.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException late) {
      close();
      throw new DecoderException("Apertium pipeline timed out", null);
    } catch (ExecutionException failed) {
      throw new DecoderException(failed.getCause().getMessage(), failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      close();
      throw new DecoderException("interrupted", interrupted);
    } finally {
      alarm.cancel(false);
    }
    List<String> translated = new ArrayList<>(segments.size());
    for (int i = 0; i < encoded.size(); i++) {
      translated.add(
          StreamFormat.decode(withoutFlushBlank(batch.answers[i]), encoded.get(i).lifted()));
    }
    segmentsTranslated.addAndGet(segments.size());
    return translated;
  }

  /** Writes a batch whole, after the batches already in the pipeline. */
  private Batch write(List<StreamFormat.Encoded> encoded, long deadline)
      throws InterruptedException {
    if (!writing.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      close();
      throw new DecoderException("Apertium pipeline timed out", null);
    }
    try {
      if (dead) {
        throw new DecoderException("Apertium pipeline is closed", null);
      }
      Batch batch = new Batch(nextTag, encoded.size());
      nextTag += encoded.size();
      waiting.add(batch);
      if (dead) { // the reader may have failed the waiting batches just before the add
        waiting.remove(batch);
        throw new DecoderException("Apertium pipeline is closed", null);
      }
      long tag = batch.firstTag;
      for (StreamFormat.Encoded one : encoded) {
        input.write(tag(tag++).getBytes(StandardCharsets.US_ASCII));
        input.write(one.stream().getBytes(StandardCharsets.UTF_8));
        input.write(FLUSH);
      }
      input.flush();
      return batch;
    } catch (IOException broken) {
      close();
      throw new DecoderException("Apertium pipeline broke", broken);
    } finally {
      writing.unlock();
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
            if (!deliver(answer.toString(StandardCharsets.UTF_8))) {
              return;
            }
            answer.reset();
            start = i + 1;
          }
        }
        answer.write(buffer, start, read - start);
      }
    } catch (IOException closed) {
      // the pipeline was closed or a stage died: the waiting batches fail below
    } finally {
      close();
      failWaiting(new DecoderException("an Apertium stage ended", null));
    }
  }

  /**
   * Hands an answer to the oldest waiting batch; false when it is not that batch's next one. The
   * answer must carry exactly one tag, the expected one: text cannot make a tag (its brackets are
   * escaped), so a second tag means two segments came back as one, and the pipeline is dropped
   * before either reaches a caller.
   */
  private boolean deliver(String tagged) {
    Batch batch = waiting.peek();
    String tag = batch == null ? null : tag(batch.firstTag + batch.received);
    int at = tag == null ? -1 : onlyTag(tagged);
    if (at < 0 || !tagged.startsWith(tag, at)) {
      close();
      failWaiting(new DecoderException("Apertium pipeline out of step", null));
      return false;
    }
    batch.answers[batch.received++] = tagged.substring(0, at) + tagged.substring(at + tag.length());
    if (batch.received == batch.answers.length) {
      waiting.poll();
      batch.done.complete(null);
    }
    return true;
  }

  /** Where the answer's one tag starts, or -1 when it has none or several. */
  static int onlyTag(String answer) {
    int found = -1;
    for (int i = 0; i < answer.length(); i++) {
      char c = answer.charAt(i);
      if (c == '\\') {
        i++; // an escaped character is text
      } else if (c == '[' && i + 1 < answer.length() && answer.charAt(i + 1) == '=') {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  private void failWaiting(DecoderException failure) {
    dead = true;
    Batch batch;
    while ((batch = waiting.poll()) != null) {
      batch.done.completeExceptionally(failure);
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
