package dev.monocle.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  private static final byte[] SHA1_SEED =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238, Appendix B: every test vector. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void rfc6238Vectors(long time, String sha1, String sha256, String sha512) {
    long step = Totp.stepAt(Instant.ofEpochSecond(time));
    assertEquals(sha1, new Totp("HmacSHA1", 8).code(SHA1_SEED, step));
    assertEquals(sha256, new Totp("HmacSHA256", 8).code(SHA256_SEED, step));
    assertEquals(sha512, new Totp("HmacSHA512", 8).code(SHA512_SEED, step));
  }

  @Test
  void acceptsOneStepEitherSideAndNeverTheSameStepTwice() {
    Totp totp = Totp.standard();
    Instant now = Instant.ofEpochSecond(1_700_000_015);
    long step = Totp.stepAt(now);
    String current = totp.code(SHA1_SEED, step);
    assertEquals(step, totp.matchingStep(SHA1_SEED, current, now, 0));
    assertEquals(-1, totp.matchingStep(SHA1_SEED, current, now, step), "replay refused");
    assertEquals(step - 1, totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 1), now, 0));
    assertEquals(step + 1, totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 1), now, 0));
    assertEquals(-1, totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 2), now, 0));
    assertEquals(-1, totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 2), now, 0));
    assertEquals(-1, totp.matchingStep(SHA1_SEED, "12345", now, 0));
    assertEquals(-1, totp.matchingStep(SHA1_SEED, "12345a", now, 0));
    assertEquals(-1, totp.matchingStep(SHA1_SEED, null, now, 0));
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
    byte[] random = RandomTokens.bytes(20);
    assertTrue(java.util.Arrays.equals(random, Base32.decode(Base32.encode(random))));
    assertEquals(32, Base32.encode(random).length());
  }
}
