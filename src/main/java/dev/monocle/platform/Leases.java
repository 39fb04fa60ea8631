package dev.monocle.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Named leases in the shared database, so that exactly one holder in a cluster runs a background
 * job (re-encryption, retention, the blind-index rebuild). Every acquisition gets its own token, so
 * two callers on the same instance never both hold a lease, and only the holder renews or releases
 * it. A lease lapses when its holder stops renewing it, so a job interrupted by a crash is taken
 * over by another instance, or by the same one after a restart.
 */
public interface Leases {

  /** A held lease. */
  interface Lease extends AutoCloseable {

    /**
     * Extends the lease to {@code length} from now.
     *
     * @return false when it lapsed and someone else took it (stop working)
     */
    boolean renew(Duration length);

    /** Gives the lease up (a no-op when it was lost). */
    @Override
    void close();
  }

  /** Takes the lease until {@code length} from now; empty when someone else holds it. */
  Optional<Lease> tryAcquire(String name, Duration length);
}
