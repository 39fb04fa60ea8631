package dev.monocle.platform.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keysets in memory, for unit tests of the keyring. */
final class MapKeysetStore implements KeysetStore {

  final Map<String, String> keysets = new ConcurrentHashMap<>();

  @Override
  public Optional<String> load(String name) {
    return Optional.ofNullable(keysets.get(name));
  }

  @Override
  public boolean insertIfAbsent(String name, String encryptedKeyset) {
    return keysets.putIfAbsent(name, encryptedKeyset) == null;
  }

  @Override
  public void replace(String name, String encryptedKeyset) {
    keysets.put(name, encryptedKeyset);
  }
}
