package dev.monocle.platform.internal;

import dev.monocle.platform.Profile;
import dev.monocle.platform.SecretName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Finds each secret in a file ({@code MONOCLE_X_FILE}), the environment ({@code MONOCLE_X}) or, in
 * the dev profile, a file it generated earlier under {@code <data dir>/secrets}. It checks strength
 * and reports problems by secret name; values never appear in a message.
 */
final class SecretLoader {

  private static final Logger LOG = Logger.getLogger(SecretLoader.class.getName());
  private static final int MIN_DISTINCT_KEY_BYTES = 12;

  record Result(Map<SecretName, byte[]> values, List<String> problems) {}

  private final Profile profile;
  private final Path secretsDir;
  private final Function<String, Optional<String>> lookup;
  private final SecureRandom random;

  SecretLoader(
      Profile profile,
      Path dataDir,
      Function<String, Optional<String>> lookup,
      SecureRandom random) {
    this.profile = profile;
    this.secretsDir = dataDir.resolve("secrets");
    this.lookup = lookup;
    this.random = random;
  }

  /** Loads every secret in {@code wanted}; those in {@code required} must be present. */
  Result load(Set<SecretName> wanted, Set<SecretName> required) {
    Map<SecretName, byte[]> values = new EnumMap<>(SecretName.class);
    List<String> problems = new ArrayList<>();
    for (SecretName name : wanted) {
      try {
        Optional<byte[]> raw = find(name);
        if (raw.isEmpty()) {
          if (required.contains(name)) {
            problems.add(
                "missing secret "
                    + name.environmentName()
                    + " (or a file named by "
                    + name.fileEnvironmentName()
                    + ")");
          }
          continue;
        }
        byte[] value = decode(name, raw.get());
        Optional<String> weakness = weakness(name, value);
        if (weakness.isPresent()) {
          problems.add("secret " + name.environmentName() + " is too weak: " + weakness.get());
        } else {
          values.put(name, value);
        }
      } catch (IllegalArgumentException | IOException e) {
        problems.add("secret " + name.environmentName() + " cannot be read: " + e.getMessage());
      }
    }
    return new Result(values, problems);
  }

  private Optional<byte[]> find(SecretName name) throws IOException {
    Optional<String> file = lookup.apply(name.configKey() + ".file").filter(v -> !v.isBlank());
    if (file.isPresent()) {
      Path path = Path.of(file.get().trim());
      if (!Files.isReadable(path)) {
        throw new IOException(name.fileEnvironmentName() + " names a file that is not readable");
      }
      return Optional.of(trimTrailingNewlines(Files.readAllBytes(path)));
    }
    Optional<String> value = lookup.apply(name.configKey()).filter(v -> !v.isBlank());
    if (value.isPresent()) {
      return Optional.of(value.get().getBytes(StandardCharsets.UTF_8));
    }
    if (profile == Profile.DEV && name.generatedInDev()) {
      return Optional.of(generatedDevSecret(name));
    }
    return Optional.empty();
  }

  private byte[] generatedDevSecret(SecretName name) throws IOException {
    Path path = secretsDir.resolve(name.fileName());
    if (Files.exists(path)) {
      return trimTrailingNewlines(Files.readAllBytes(path));
    }
    Files.createDirectories(secretsDir);
    restrictToOwner(secretsDir, "rwx------");
    byte[] key = new byte[name.minimumBytes()];
    random.nextBytes(key);
    byte[] encoded = Base64.getEncoder().encode(key);
    Path temp = Files.createTempFile(secretsDir, name.fileName(), ".tmp");
    restrictToOwner(temp, "rw-------");
    Files.write(temp, encoded);
    Files.move(temp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    LOG.warning(
        () ->
            "Generated dev secret "
                + name.environmentName()
                + " into "
                + path
                + " (owner-only). The production profile refuses to start without a real one.");
    return encoded;
  }

  private static void restrictToOwner(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException notPosix) {
      LOG.warning("Cannot restrict permissions of " + path + " on this file system");
    }
  }

  private static byte[] decode(SecretName name, byte[] raw) {
    if (!name.base64()) {
      return raw;
    }
    try {
      return Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("it must be base64 text", e);
    }
  }

  private static Optional<String> weakness(SecretName name, byte[] value) {
    if (value.length < name.minimumBytes()) {
      return Optional.of(
          "needs at least " + name.minimumBytes() + (name.base64() ? " random bytes" : " bytes"));
    }
    long distinct =
        name.base64()
            ? java.util.stream.IntStream.range(0, value.length)
                .map(i -> value[i] & 0xff)
                .distinct()
                .count()
            : new String(value, StandardCharsets.UTF_8).codePoints().distinct().count();
    long needed = name.base64() ? MIN_DISTINCT_KEY_BYTES : 6;
    if (distinct < needed) {
      return Optional.of("it repeats too few distinct values to be random");
    }
    return Optional.empty();
  }

  private static byte[] trimTrailingNewlines(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
      end--;
    }
    return java.util.Arrays.copyOf(bytes, end);
  }
}
