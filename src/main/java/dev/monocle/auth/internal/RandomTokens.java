package dev.monocle.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (refresh tokens, API key secrets, recovery codes) and their SHA-256 digests. A
 * fast hash is right here: these values carry 128 to 256 bits of entropy, unlike passwords.
 */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  /** {@code bytes} random bytes, base64url without padding. */
  public static String urlSafe(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  static byte[] bytes(int count) {
    byte[] value = new byte[count];
    RANDOM.nextBytes(value);
    return value;
  }

  /** Lower-case base32 characters, for prefixes and recovery codes. */
  static String base32(int chars) {
    return Base32.encode(bytes(chars)).substring(0, chars).toLowerCase(java.util.Locale.ROOT);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean sameDigest(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
