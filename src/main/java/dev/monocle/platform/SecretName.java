package dev.monocle.platform;

import java.util.Locale;

/**
 * The secrets Monocle knows. Each has an environment name ({@code MONOCLE_KEK}), a file variant
 * ({@code MONOCLE_KEK_FILE}) and the smallest acceptable size.
 */
public enum SecretName {
  /** Key-encryption key: wraps the Tink keysets (data keys, blind-index key) stored in the DB. */
  KEK(32, true, true),
  /**
   * Seed of the Ed25519 key that signs audit checkpoints. It must not live in the database the
   * trail is in: whoever can rewrite the trail must not be able to re-sign it.
   */
  AUDIT_SIGNING_KEY(32, true, true),
  /** Password of the PostgreSQL role; only needed when {@code MONOCLE_DB_URL} is set. */
  DB_PASSWORD(16, false, false),
  /**
   * Bearer token that Prometheus presents to {@code /metrics} ({@code Authorization: Bearer ...},
   * from the scrape job's {@code credentials_file}). Generated in dev; required in production.
   */
  METRICS_TOKEN(32, false, true);

  private final int minimumBytes;
  private final boolean base64;
  private final boolean generatedInDev;

  SecretName(int minimumBytes, boolean base64, boolean generatedInDev) {
    this.minimumBytes = minimumBytes;
    this.base64 = base64;
    this.generatedInDev = generatedInDev;
  }

  /** The MicroProfile Config key that the environment name maps to, e.g. {@code monocle.kek}. */
  public String configKey() {
    return environmentName().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** Whether the value is base64 text of random bytes (keys) rather than a password. */
  public boolean base64() {
    return base64;
  }

  /** The environment variable that holds the value itself, e.g. {@code MONOCLE_KEK}. */
  public String environmentName() {
    return "MONOCLE_" + name();
  }

  /**
   * The environment variable that names a file holding the value, e.g. {@code MONOCLE_KEK_FILE}.
   */
  public String fileEnvironmentName() {
    return environmentName() + "_FILE";
  }

  /** The file name used in the data directory when the dev profile generates it. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public int minimumBytes() {
    return minimumBytes;
  }

  public boolean generatedInDev() {
    return generatedInDev;
  }
}
