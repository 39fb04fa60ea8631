package dev.monocle.platform;

import java.time.Duration;

/**
 * Named leases in the shared database, so that exactly one instance of a cluster runs a background
 * job (re-encryption, retention). A lease lapses when its holder stops renewing it, so a job
 * interrupted by a crash is taken over by another instance, or by the same one after a restart.
 */
public interface Leases {

  /**
   * Takes the lease for this instance, or renews it when this instance holds it already, until
   * {@code length} from now.
   *
   * @return false when another instance holds it
   */
  boolean tryAcquire(String name, Duration length);

  /** Gives the lease up (only if this instance holds it). */
  void release(String name);
}
