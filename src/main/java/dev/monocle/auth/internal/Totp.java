package dev.monocle.auth.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226). Monocle uses HMAC-SHA1, 6 digits, 30 s
 * steps, accepting one step either side; the other algorithms and lengths exist for the RFC's test
 * vectors.
 */
public final class Totp {

  static final int STEP_SECONDS = 30;
  static final int DIGITS = 6;

  private final String algorithm;
  private final int digits;

  Totp(String algorithm, int digits) {
    this.algorithm = algorithm;
    this.digits = digits;
  }

  /** Monocle's parameters: HmacSHA1, 6 digits. */
  public static Totp standard() {
    return new Totp("HmacSHA1", DIGITS);
  }

  public static long stepAt(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for one time step. */
  public String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, "RAW"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int otp = binary % (int) Math.pow(10, digits);
      return String.format("%0" + digits + "d", otp);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The step a code matches within one step of {@code now}, if any, and only if it is later than
   * {@code lastUsedStep}: a code is accepted once.
   */
  public long matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
    if (code == null || code.length() != digits || !code.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long current = stepAt(now);
    long found = -1;
    for (long step = current - 1; step <= current + 1; step++) {
      byte[] expected = code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] given = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given) && step > lastUsedStep) {
        found = step;
      }
    }
    return found;
  }
}
