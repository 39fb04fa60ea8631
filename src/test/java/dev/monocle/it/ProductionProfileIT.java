package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MONOCLE_PROFILE=production} without proper secrets refuses to start: the process ends with
 * status 78 and says which secrets are missing or weak, never their values. Started exactly as an
 * operator would, with the launcher and the WAR the build made.
 */
@EnabledIfEnvironmentVariable(named = "MONOCLE_TEST_DATABASE", matches = "h2")
class ProductionProfileIT {

  @TempDir Path dataDir;

  @Test
  void refusesToStartAndNamesWhatIsMissing() throws Exception {
    String weakKek = Base64.getEncoder().encodeToString(new byte[32]);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("payara.microJar"),
                "--nocluster",
                "--port",
                String.valueOf(port),
                "--deploy",
                System.getProperty("monocle.war")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("MONOCLE_"));
    env.put("MONOCLE_PROFILE", "production");
    env.put("MONOCLE_DATA_DIR", dataDir.toString());
    env.put("MONOCLE_KEK", weakKek);
    File output = dataDir.resolve("server.log").toFile();
    builder.redirectOutput(output);

    Process server = builder.start();
    boolean ended = server.waitFor(240, TimeUnit.SECONDS);
    if (!ended) {
      server.destroyForcibly();
    }
    String log = Files.readString(output.toPath());
    assertTrue(ended, "the server kept running in production without secrets:\n" + tail(log));
    assertEquals(78, server.exitValue(), tail(log));
    assertTrue(log.contains("Monocle refuses to start"), tail(log));
    assertTrue(log.contains("MONOCLE_KEK is too weak"), tail(log));
    assertTrue(log.contains("missing MONOCLE_DB_URL"), tail(log));
    assertTrue(log.contains("missing secret MONOCLE_DB_PASSWORD"), tail(log));
    assertFalse(log.contains(weakKek), "the secret's value reached the log");
    assertFalse(Files.exists(dataDir.resolve("secrets")), "production generated a secret");
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }
}
