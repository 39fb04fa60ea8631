package dev.monocle.platform;

/**
 * A keyed pseudo-random function (Tink PRF, HMAC-SHA256) over a normalised value, for equality
 * lookups on encrypted fields without storing the plaintext. Its key is separate from the data
 * keys. The {@code purpose} keeps indexes of different fields apart.
 */
public interface BlindIndex {

  /** A stable hex digest of {@code value} for {@code purpose}, e.g. ("auth_user.email", email). */
  String of(String purpose, String value);
}
