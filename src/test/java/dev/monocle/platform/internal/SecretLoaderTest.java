package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.platform.Profile;
import dev.monocle.platform.SecretName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretLoaderTest {

  @TempDir Path dataDir;
  private final Map<String, String> env = new HashMap<>();

  private SecretLoader.Result load(Profile profile) {
    return new SecretLoader(
            profile, dataDir, k -> Optional.ofNullable(env.get(k)), new SecureRandom())
        .load(EnumSet.allOf(SecretName.class), EnumSet.of(SecretName.KEK));
  }

  @Test
  void devGeneratesTheKekOnceWithOwnerOnlyPermissions() throws Exception {
    SecretLoader.Result first = load(Profile.DEV);
    assertTrue(first.problems().isEmpty(), first.problems().toString());
    Path file = dataDir.resolve("secrets/kek");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    assertEquals(32, first.values().get(SecretName.KEK).length);

    SecretLoader.Result second = load(Profile.DEV);
    assertArrayEquals(first.values().get(SecretName.KEK), second.values().get(SecretName.KEK));
  }

  @Test
  void productionNamesTheMissingSecretAndGeneratesNothing() {
    SecretLoader.Result result = load(Profile.PRODUCTION);
    assertEquals(1, result.problems().size());
    assertTrue(result.problems().get(0).contains("MONOCLE_KEK"));
    assertTrue(result.problems().get(0).contains("MONOCLE_KEK_FILE"));
    assertFalse(Files.exists(dataDir.resolve("secrets")));
  }

  @Test
  void weakSecretsAreRefusedWithoutRepeatingTheirValue() {
    String weak = Base64.getEncoder().encodeToString(new byte[32]);
    env.put("monocle.kek", weak);
    env.put("monocle.db.password", "short-pass");
    SecretLoader.Result result = load(Profile.PRODUCTION);
    assertEquals(2, result.problems().size(), result.problems().toString());
    String all = String.join("\n", result.problems());
    assertTrue(all.contains("MONOCLE_KEK is too weak"));
    assertTrue(all.contains("MONOCLE_DB_PASSWORD is too weak"));
    assertFalse(all.contains(weak));
    assertFalse(all.contains("short-pass"));
  }

  @Test
  void aSecretFileWinsOverTheEnvironmentAndLosesItsTrailingNewline() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path file = dataDir.resolve("mounted-kek");
    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    env.put("monocle.kek.file", file.toString());
    env.put("monocle.kek", "not base64 at all!");
    SecretLoader.Result result = load(Profile.PRODUCTION);
    assertTrue(result.problems().isEmpty(), result.problems().toString());
    assertArrayEquals(key, result.values().get(SecretName.KEK));
  }

  @Test
  void anUnreadableSecretFileIsNamed() {
    env.put("monocle.kek.file", dataDir.resolve("absent").toString());
    SecretLoader.Result result = load(Profile.PRODUCTION);
    assertTrue(result.problems().get(0).contains("MONOCLE_KEK_FILE"), result.problems().toString());
  }
}
