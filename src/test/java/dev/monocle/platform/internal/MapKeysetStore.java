package dev.monocle.platform.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keysets in memory, for unit tests of the keyring. */
final class MapKeysetStore implements KeysetStore {

  final Map<String, Stored> keysets = new ConcurrentHashMap<>();

  @Override
  public Optional<Stored> load(String name) {
    return Optional.ofNullable(keysets.get(name));
  }

  @Override
  public boolean insertIfAbsent(String name, String encryptedKeyset) {
    return keysets.putIfAbsent(name, new Stored(encryptedKeyset, 0)) == null;
  }

  @Override
  public boolean replace(String name, long expectedVersion, String encryptedKeyset) {
    Stored current = keysets.get(name);
    return current != null
        && current.version() == expectedVersion
        && keysets.replace(name, current, new Stored(encryptedKeyset, expectedVersion + 1));
  }
}
