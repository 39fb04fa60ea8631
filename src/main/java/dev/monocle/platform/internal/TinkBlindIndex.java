package dev.monocle.platform.internal;

import dev.monocle.platform.BlindIndex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@link BlindIndex} over the blind-index keyset. Values are normalised (NFKC, trimmed, lower case)
 * so that lookups ignore case, and prefixed by their purpose so that equal values in different
 * fields do not share an index entry.
 */
final class TinkBlindIndex implements BlindIndex {

  private static final int OUTPUT_BYTES = 32;
  private final Supplier<Keyring> keyring;

  TinkBlindIndex(Supplier<Keyring> keyring) {
    this.keyring = keyring;
  }

  @Override
  public String of(String purpose, String value) {
    String normalised =
        Normalizer.normalize(value, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    byte[] input = (purpose + '\0' + normalised).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of()
          .formatHex(keyring.get().blindIndex().computePrimary(input, OUTPUT_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("blind index failed", e);
    }
  }
}
