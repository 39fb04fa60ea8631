package dev.monocle.platform.internal;

import java.util.Optional;

/**
 * Where encrypted keysets are kept: the database in Monocle, a map in unit tests. Every change
 * bumps a version, and a replacement names the version it was made from, so that two instances
 * changing a keyset at once cannot lose each other's key.
 */
interface KeysetStore {

  /** A stored keyset (encrypted under the KEK) and its version. */
  record Stored(String keyset, long version) {}

  Optional<Stored> load(String name);

  /** Stores the first version of a keyset; false when another instance stored one first. */
  boolean insertIfAbsent(String name, String encryptedKeyset);

  /**
   * Replaces a keyset if it is still at {@code expectedVersion}; false when another instance
   * changed it in between (reload and try again).
   */
  boolean replace(String name, long expectedVersion, String encryptedKeyset);
}
