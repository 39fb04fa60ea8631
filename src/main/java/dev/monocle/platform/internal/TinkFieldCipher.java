package dev.monocle.platform.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.monocle.platform.FieldBinding;
import dev.monocle.platform.FieldCipher;
import dev.monocle.platform.SealedValueException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;

/** {@link FieldCipher} over the data keyset of the {@link Keyring}. */
final class TinkFieldCipher implements FieldCipher {

  /** Tink's output prefix: one version byte (0x01) and the 4-byte key id. */
  private static final byte TINK_PREFIX = 0x01;

  private final Supplier<Keyring> keyring;

  TinkFieldCipher(Supplier<Keyring> keyring) {
    this.keyring = keyring;
  }

  @Override
  public byte[] seal(String plaintext, FieldBinding binding) {
    try {
      return keyring.get().dataAead().encrypt(plaintext.getBytes(UTF_8), binding.associatedData());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public String open(byte[] ciphertext, FieldBinding binding) {
    Keyring k = keyring.get();
    try {
      return new String(k.dataAead().decrypt(ciphertext, binding.associatedData()), UTF_8);
    } catch (GeneralSecurityException e) {
      if (!sealedUnderUnknownKey(k, ciphertext)) {
        throw new SealedValueException(binding, e);
      }
    }
    // Another instance rotated the data key and sealed this value with the new one: read the
    // stored keyset again (once) instead of waiting for the periodic refresh.
    try {
      k.refresh();
      return new String(k.dataAead().decrypt(ciphertext, binding.associatedData()), UTF_8);
    } catch (GeneralSecurityException e) {
      throw new SealedValueException(binding, e);
    }
  }

  private boolean sealedUnderUnknownKey(Keyring k, byte[] ciphertext) {
    return ciphertext.length >= 5
        && ciphertext[0] == TINK_PREFIX
        && !k.hasDataKey(keyIdOf(ciphertext));
  }

  @Override
  public int keyIdOf(byte[] ciphertext) {
    if (ciphertext.length < 5 || ciphertext[0] != TINK_PREFIX) {
      throw new IllegalArgumentException("not a Tink ciphertext with a key id");
    }
    return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
  }

  @Override
  public int primaryKeyId() {
    return keyring.get().primaryDataKeyId();
  }
}
