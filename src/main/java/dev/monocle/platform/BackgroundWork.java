package dev.monocle.platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The schedulers of Monocle's background work, made one way. */
public final class BackgroundWork {

  private BackgroundWork() {}

  /** Named daemon threads, which never keep the server from stopping. */
  public static ThreadFactory daemonThreads(String threadName) {
    return r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    };
  }

  /** A scheduler with named daemon threads. */
  public static ScheduledExecutorService scheduler(String threadName, int threads) {
    return Executors.newScheduledThreadPool(threads, daemonThreads(threadName));
  }

  /** Work that may fail: a failure is logged and the schedule goes on. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  /**
   * {@code task} for a scheduler: a failure is logged as a warning ("{@code what} failed") and
   * never ends the schedule, as an exception escaping a scheduled task would.
   */
  public static Runnable guarded(Logger log, String what, Task task) {
    return () -> {
      try {
        task.run();
      } catch (Exception e) {
        log.log(Level.WARNING, what + " failed; it runs again on schedule", e);
      }
    };
  }
}
