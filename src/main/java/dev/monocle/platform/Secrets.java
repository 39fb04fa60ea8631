package dev.monocle.platform;

/**
 * Secret material (keys, passwords) read from a file named by {@code MONOCLE_<NAME>_FILE} (a
 * mounted Kubernetes secret) or from {@code MONOCLE_<NAME>}. In the dev profile a missing secret is
 * generated once into the data directory; in production it stops the start.
 *
 * <p>Values never reach a log line or an exception message: only names do.
 */
public interface Secrets {

  /** The bytes of a secret that the platform has checked at start-up. */
  byte[] get(SecretName name);
}
