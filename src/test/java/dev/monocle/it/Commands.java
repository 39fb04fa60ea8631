package dev.monocle.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command of the machine or the project (openssl, promtool, the ops scripts) the way an
 * operator would, and returns its exit status and what it printed.
 */
public final class Commands {

  /** The exit status and the text the command printed (its error output, when stdout was kept). */
  public record Result(int exit, String output) {}

  private Commands() {}

  /** Runs {@code command} with its output and errors merged into {@link Result#output()}. */
  public static Result run(List<String> command) {
    return run(command, Map.of(), null, Duration.ofMinutes(5));
  }

  /**
   * Runs {@code command} with {@code env} added to the environment; its standard output goes to
   * {@code stdout} when given (then only the errors are returned), else it joins the errors.
   */
  public static Result run(
      List<String> command, Map<String, String> env, Path stdout, Duration limit) {
    try {
      Path log = Files.createTempFile("monocle-command", ".log");
      try {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        if (stdout != null) {
          builder.redirectOutput(stdout.toFile()).redirectError(log.toFile());
        } else {
          builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        Process p = builder.start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish in " + limit);
        }
        return new Result(p.exitValue(), Files.readString(log));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
