package dev.monocle.platform.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends Monocle's own log records ({@code dev.monocle.*}) as JSON lines to the process's standard
 * output, past the server's redirection of {@code System.out}, ready for central collection.
 */
final class JsonLogging {

  /** Held strongly: a logger configured and then collected would lose its handler. */
  private static final Logger ROOT = Logger.getLogger("dev.monocle");

  private JsonLogging() {}

  static synchronized void install() {
    Logger root = ROOT;
    for (Handler h : root.getHandlers()) {
      if (h instanceof StdoutJsonHandler) {
        root.removeHandler(h);
      }
    }
    root.addHandler(new StdoutJsonHandler());
    root.setUseParentHandlers(false);
  }

  private static final class StdoutJsonHandler extends Handler {
    private final PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    StdoutJsonHandler() {
      setFormatter(new JsonLogFormatter());
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        out.print(getFormatter().format(record));
        out.flush();
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      out.flush();
    }
  }
}
