package dev.monocle.platform.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Monocle's key material: the data keyset (AEAD, AES-256-GCM) and the blind-index keyset (PRF,
 * HMAC-SHA256), each a Tink keyset with key ids, stored only encrypted under the key-encryption key
 * (KEK). The first instance to start generates them; later ones (and a cluster) read the same.
 *
 * <p>Changes (rotation, removal of a retired key) are compare-and-set on the stored version, so
 * instances changing a keyset at once never lose a key; {@link #refresh()} picks up another
 * instance's change.
 */
final class Keyring {

  static final String DATA = "data";
  static final String BLIND_INDEX = "blind-index";
  private static final int CHANGE_ATTEMPTS = 8;

  /** One loaded keyset: its handle and the stored version it came from. */
  private record Loaded(KeysetHandle handle, long version) {}

  private final Aead kek;
  private final KeysetStore store;
  private volatile Loaded data;
  private volatile Aead dataAead;
  private volatile Loaded blind;
  private volatile PrfSet blindIndex;

  Keyring(byte[] keyEncryptionKey, KeysetStore store) throws GeneralSecurityException {
    AeadConfig.register();
    PrfConfig.register();
    this.kek = kekAead(keyEncryptionKey);
    this.store = store;
    useData(loadOrCreate(DATA, PredefinedAeadParameters.AES256_GCM));
    useBlindIndex(loadOrCreate(BLIND_INDEX, PredefinedPrfParameters.HMAC_SHA256_PRF));
  }

  private static Aead kekAead(byte[] keyEncryptionKey) throws GeneralSecurityException {
    AesGcmParameters parameters =
        AesGcmParameters.builder()
            .setKeySizeBytes(32)
            .setIvSizeBytes(12)
            .setTagSizeBytes(16)
            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
            .build();
    byte[] key = Arrays.copyOf(keyEncryptionKey, 32);
    return AesGcmJce.create(
        AesGcmKey.builder()
            .setParameters(parameters)
            .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
            .build());
  }

  private Loaded loadOrCreate(String name, Parameters parameters) throws GeneralSecurityException {
    var stored = store.load(name);
    if (stored.isPresent()) {
      return parse(name, stored.get());
    }
    KeysetHandle fresh = KeysetHandle.generateNew(parameters);
    if (store.insertIfAbsent(name, serialize(name, fresh))) {
      return new Loaded(fresh, 0);
    }
    return parse(name, store.load(name).orElseThrow());
  }

  private Loaded parse(String name, KeysetStore.Stored stored) throws GeneralSecurityException {
    return new Loaded(
        TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.keyset(), kek, associatedData(name)),
        stored.version());
  }

  private String serialize(String name, KeysetHandle handle) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, associatedData(name));
  }

  private static byte[] associatedData(String name) {
    return ("monocle-keyset:" + name).getBytes(StandardCharsets.UTF_8);
  }

  private void useData(Loaded loaded) throws GeneralSecurityException {
    Aead aead = loaded.handle().getPrimitive(RegistryConfiguration.get(), Aead.class);
    synchronized (this) {
      if (data == null || loaded.version() >= data.version()) {
        dataAead = aead;
        data = loaded;
      }
    }
  }

  private void useBlindIndex(Loaded loaded) throws GeneralSecurityException {
    PrfSet prf = loaded.handle().getPrimitive(RegistryConfiguration.get(), PrfSet.class);
    synchronized (this) {
      if (blind == null || loaded.version() >= blind.version()) {
        blindIndex = prf;
        blind = loaded;
      }
    }
  }

  Aead dataAead() {
    return dataAead;
  }

  int primaryDataKeyId() {
    return data.handle().getPrimary().getId();
  }

  /** The ids of the data keys in the keyset, primary included. */
  List<Integer> dataKeyIds() {
    return dataSnapshot().ids();
  }

  /** The primary and all ids of the data keyset, read from one version of it. */
  record DataKeySnapshot(int primary, List<Integer> ids) {
    DataKeySnapshot {
      ids = List.copyOf(ids);
    }
  }

  DataKeySnapshot dataSnapshot() {
    KeysetHandle handle = data.handle();
    List<Integer> ids = new ArrayList<>(handle.size());
    for (int i = 0; i < handle.size(); i++) {
      ids.add(handle.getAt(i).getId());
    }
    return new DataKeySnapshot(handle.getPrimary().getId(), ids);
  }

  boolean hasDataKey(int id) {
    return dataKeyIds().contains(id);
  }

  PrfSet blindIndex() {
    return blindIndex;
  }

  int blindIndexKeyId() {
    return blind.handle().getPrimary().getId();
  }

  /**
   * Reads the stored keysets again and uses them when another instance changed them.
   *
   * @return whether anything changed
   */
  boolean refresh() throws GeneralSecurityException {
    boolean changed = false;
    KeysetStore.Stored storedData = store.load(DATA).orElseThrow();
    if (storedData.version() != data.version()) {
      useData(parse(DATA, storedData));
      changed = true;
    }
    KeysetStore.Stored storedBlind = store.load(BLIND_INDEX).orElseThrow();
    if (storedBlind.version() != blind.version()) {
      useBlindIndex(parse(BLIND_INDEX, storedBlind));
      changed = true;
    }
    return changed;
  }

  /** Adds a new primary data key; the old keys stay in the keyset and keep decrypting. */
  int rotateDataKey() throws GeneralSecurityException {
    return changeData(
            current ->
                KeysetHandle.newBuilder(current)
                    .addEntry(
                        KeysetHandle.generateEntryFromParameters(
                                PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary()))
        .getPrimary()
        .getId();
  }

  /**
   * Deletes retired (non-primary) data keys from the keyset. The caller has made sure that no
   * stored value uses them any more: a value sealed under a deleted key can never be opened again.
   */
  void deleteDataKeys(Set<Integer> ids) throws GeneralSecurityException {
    if (ids.contains(primaryDataKeyId())) {
      throw new IllegalArgumentException("the primary key cannot be deleted");
    }
    changeData(
        current -> {
          KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
          // The builder lists the keys in the handle's order.
          for (int i = builder.size() - 1; i >= 0; i--) {
            KeysetHandle.Entry entry = current.getAt(i);
            if (ids.contains(entry.getId()) && !entry.isPrimary()) {
              builder.deleteAt(i);
            }
          }
          return builder;
        });
  }

  /** Applies a change to the newest stored data keyset, retrying when another instance raced. */
  private KeysetHandle changeData(KeysetChange change) throws GeneralSecurityException {
    for (int attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
      refresh();
      Loaded current = data;
      KeysetHandle changed = change.apply(current.handle()).build();
      if (store.replace(DATA, current.version(), serialize(DATA, changed))) {
        useData(new Loaded(changed, current.version() + 1));
        return changed;
      }
    }
    throw new GeneralSecurityException("the data keyset kept changing under this instance");
  }

  /**
   * Makes a new primary blind-index key and deletes the others: indexes made with the old key no
   * longer match, so the caller rebuilds every index column right after.
   */
  int rotateBlindIndexKey() throws GeneralSecurityException {
    for (int attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
      refresh();
      Loaded current = blind;
      KeysetHandle withNew =
          KeysetHandle.newBuilder(current.handle())
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedPrfParameters.HMAC_SHA256_PRF)
                      .withRandomId()
                      .makePrimary())
              .build();
      KeysetHandle.Builder onlyNew = KeysetHandle.newBuilder(withNew);
      for (int i = onlyNew.size() - 1; i >= 0; i--) {
        if (!withNew.getAt(i).isPrimary()) {
          onlyNew.deleteAt(i);
        }
      }
      KeysetHandle changed = onlyNew.build();
      if (store.replace(BLIND_INDEX, current.version(), serialize(BLIND_INDEX, changed))) {
        useBlindIndex(new Loaded(changed, current.version() + 1));
        return changed.getPrimary().getId();
      }
    }
    throw new GeneralSecurityException("the blind-index keyset kept changing under this instance");
  }

  /** A change to a keyset, built from the current one. */
  @FunctionalInterface
  private interface KeysetChange {
    KeysetHandle.Builder apply(KeysetHandle current) throws GeneralSecurityException;
  }
}
