package dev.monocle.platform;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings every module may read: which profile runs, where Monocle keeps its files, and which
 * database it talks to. Values come from MicroProfile Config (environment, system properties, the
 * WAR's {@code microprofile-config.properties}); the README lists every key.
 */
public interface PlatformSettings {

  Profile profile();

  /** {@code monocle.data.dir} / {@code MONOCLE_DATA_DIR}, default {@code ./data}. */
  Path dataDir();

  /** {@code monocle.db.url} / {@code MONOCLE_DB_URL}; empty means the embedded H2 database. */
  Optional<String> databaseUrl();

  /** {@code monocle.db.user} / {@code MONOCLE_DB_USER}. */
  Optional<String> databaseUser();

  default boolean isProduction() {
    return profile() == Profile.PRODUCTION;
  }
}
