package dev.monocle.translation.internal;

import dev.monocle.platform.RetentionTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The translation cache under retention. Its entries (translated text, which may quote what
 * customers wrote) live only in memory on the cluster's grid and expire {@code
 * monocle.translation.cache.ttl-seconds} after they were written, so the period is fixed by that
 * setting and a run has nothing left to remove; it is listed so that the policy is visible.
 */
@ApplicationScoped
public class CacheRetention implements RetentionTask {

  @Inject
  @ConfigProperty(name = "monocle.translation.cache.ttl-seconds", defaultValue = "3600")
  long ttlSeconds;

  @Override
  public Policy policy() {
    return new Policy(
        "translation_cache",
        "Cached translations expire "
            + ttlSeconds
            + " s after they are written (monocle.translation.cache.ttl-seconds), in memory only;"
            + " an hour serves repeated text without keeping it.",
        Duration.ofSeconds(ttlSeconds),
        Duration.ZERO,
        false);
  }

  @Override
  public Purged purgeBefore(Instant cutoff) {
    return new Purged(0, "entries expire by the cache's own expiry");
  }
}
