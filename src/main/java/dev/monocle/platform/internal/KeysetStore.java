package dev.monocle.platform.internal;

import java.util.Optional;

/** Where encrypted keysets are kept: the database in Monocle, a map in unit tests. */
interface KeysetStore {

  Optional<String> load(String name);

  /** Stores the first version of a keyset; false when another instance stored one first. */
  boolean insertIfAbsent(String name, String encryptedKeyset);

  /** Replaces a keyset (after a rotation). */
  void replace(String name, String encryptedKeyset);
}
