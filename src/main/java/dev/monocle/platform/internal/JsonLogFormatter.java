package dev.monocle.platform.internal;

import dev.monocle.platform.RequestContext;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code ts, level, logger, thread, request_id, msg} and, for failures,
 * {@code error} (class) and {@code stack}. Messages are formatted by the caller; Monocle's code
 * never puts secrets, tokens or PII into a message or an exception.
 */
public final class JsonLogFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    JsonObjectBuilder line =
        Json.createObjectBuilder()
            .add("ts", Instant.ofEpochMilli(record.getMillis()).toString())
            .add("level", record.getLevel().getName())
            .add("logger", String.valueOf(record.getLoggerName()))
            .add("thread", Thread.currentThread().getName());
    RequestContext.requestId().ifPresent(id -> line.add("request_id", id));
    line.add("msg", String.valueOf(formatMessage(record)));
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      line.add("error", thrown.getClass().getName());
      StringWriter stack = new StringWriter();
      thrown.printStackTrace(new PrintWriter(stack));
      line.add("stack", stack.toString());
    }
    return line.build().toString() + System.lineSeparator();
  }
}
