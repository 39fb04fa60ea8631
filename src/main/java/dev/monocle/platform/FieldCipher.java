package dev.monocle.platform;

/**
 * Authenticated encryption (AES-256-GCM, Tink keyset with key ids) of one field value, bound to its
 * place by {@link FieldBinding}. Old keys keep decrypting after a rotation; new values use the
 * primary key.
 */
public interface FieldCipher {

  byte[] seal(String plaintext, FieldBinding binding);

  /**
   * Decrypts a value sealed for exactly this binding.
   *
   * @throws SealedValueException when the value was sealed elsewhere, altered, or under an unknown
   *     key
   */
  String open(byte[] ciphertext, FieldBinding binding);

  /** The id of the key that sealed {@code ciphertext}, for re-encryption progress. */
  int keyIdOf(byte[] ciphertext);

  /** The id of the key new values are sealed with. */
  int primaryKeyId();
}
