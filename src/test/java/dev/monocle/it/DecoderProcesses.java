package dev.monocle.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real decoder nodes on 127.0.0.1 for the fault tests: Debian's Apertium APy (through {@code
 * ops/apy/apy-loopback}, so it binds loopback only) and a second Monocle started in decoder role
 * from the same launcher and WAR, on the same database.
 */
final class DecoderProcesses {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private DecoderProcesses() {}

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Process apy(int port) {
    return start(
        List.of("ops/apy/apy-loopback", "-p", Integer.toString(port), "/usr/share/apertium/modes"),
        Map.of(),
        "apy-" + port);
  }

  static Process monocleDecoder(int port) {
    String launcher = System.getProperty("payara.microJar", "target/monocle-micro.jar");
    String war = System.getProperty("monocle.war", "target/monocle.war");
    return start(
        List.of(
            "java",
            "-Xmx512m",
            "-jar",
            launcher,
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--deploy",
            war),
        Map.of("MONOCLE_ROLE", "decoder", "MONOCLE_DECODER_WARM_PAIRS", "en-es"),
        "decoder-" + port);
  }

  private static Process start(List<String> command, Map<String, String> env, String name) {
    File log = new File("target/" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command.get(0), e);
    }
  }

  /** Waits until {@code url} answers 200, or fails after {@code seconds}. */
  static void awaitOk(String url, int seconds, Process process) {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(url + ": the process ended with " + process.exitValue());
      }
      if (status(url) == 200) {
        return;
      }
      sleep(300);
    }
    throw new IllegalStateException(url + " did not answer 200 within " + seconds + " s");
  }

  static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", signal, Long.toString(pid)).start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void stop(Process process) {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
