package dev.monocle.platform.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Monocle's key material: the data keyset (AEAD, AES-256-GCM) and the blind-index keyset (PRF,
 * HMAC-SHA256), each a Tink keyset with key ids, stored only encrypted under the key-encryption key
 * (KEK). The first instance to start generates them; later ones (and a cluster) read the same.
 */
final class Keyring {

  static final String DATA = "data";
  static final String BLIND_INDEX = "blind-index";

  private final Aead kek;
  private final KeysetStore store;
  private volatile KeysetHandle data;
  private volatile Aead dataAead;
  private volatile PrfSet blindIndex;

  Keyring(byte[] keyEncryptionKey, KeysetStore store) throws GeneralSecurityException {
    AeadConfig.register();
    PrfConfig.register();
    this.kek = kekAead(keyEncryptionKey);
    this.store = store;
    this.data = loadOrCreate(DATA, PredefinedAeadParameters.AES256_GCM);
    this.dataAead = data.getPrimitive(RegistryConfiguration.get(), Aead.class);
    this.blindIndex =
        loadOrCreate(BLIND_INDEX, PredefinedPrfParameters.HMAC_SHA256_PRF)
            .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
  }

  private static Aead kekAead(byte[] keyEncryptionKey) throws GeneralSecurityException {
    AesGcmParameters parameters =
        AesGcmParameters.builder()
            .setKeySizeBytes(32)
            .setIvSizeBytes(12)
            .setTagSizeBytes(16)
            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
            .build();
    byte[] key = java.util.Arrays.copyOf(keyEncryptionKey, 32);
    return AesGcmJce.create(
        AesGcmKey.builder()
            .setParameters(parameters)
            .setKeyBytes(
                SecretBytes.copyFrom(key, com.google.crypto.tink.InsecureSecretKeyAccess.get()))
            .build());
  }

  private KeysetHandle loadOrCreate(String name, Parameters parameters)
      throws GeneralSecurityException {
    var stored = store.load(name);
    if (stored.isPresent()) {
      return parse(name, stored.get());
    }
    KeysetHandle fresh = KeysetHandle.generateNew(parameters);
    if (store.insertIfAbsent(name, serialize(name, fresh))) {
      return fresh;
    }
    return parse(name, store.load(name).orElseThrow());
  }

  private KeysetHandle parse(String name, String encrypted) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encrypted, kek, associatedData(name));
  }

  private String serialize(String name, KeysetHandle handle) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, associatedData(name));
  }

  private static byte[] associatedData(String name) {
    return ("monocle-keyset:" + name).getBytes(StandardCharsets.UTF_8);
  }

  Aead dataAead() {
    return dataAead;
  }

  int primaryDataKeyId() {
    return data.getPrimary().getId();
  }

  PrfSet blindIndex() {
    return blindIndex;
  }

  /** Adds a new primary data key; the old keys stay in the keyset and keep decrypting. */
  synchronized int rotateDataKey() throws GeneralSecurityException {
    KeysetHandle rotated =
        KeysetHandle.newBuilder(data)
            .addEntry(
                KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary())
            .build();
    store.replace(DATA, serialize(DATA, rotated));
    this.data = rotated;
    this.dataAead = rotated.getPrimitive(RegistryConfiguration.get(), Aead.class);
    return rotated.getPrimary().getId();
  }
}
