package dev.monocle.auth.internal;

import dev.monocle.platform.GridCaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * The grid caches of auth, on Payara's JCache (Hazelcast): shared by every instance of a cluster,
 * so a revocation or a rate limit holds cluster-wide.
 */
@ApplicationScoped
public class AuthCaches {

  /** A revoked session id stays listed a little longer than an access token lives. */
  static final long REVOKED_SESSION_TTL_SECONDS = 900 + 60 + 60;

  @Inject CacheManager cacheManager;

  private volatile Cache<String, Boolean> revokedSessions;
  private volatile Cache<String, byte[]> rateLimits;

  Cache<String, Boolean> revokedSessions() {
    if (revokedSessions == null) {
      revokedSessions =
          cache(
              "monocle-revoked-sessions", String.class, Boolean.class, REVOKED_SESSION_TTL_SECONDS);
    }
    return revokedSessions;
  }

  Cache<String, byte[]> rateLimits() {
    if (rateLimits == null) {
      rateLimits =
          cache("monocle-rate-limits", String.class, byte[].class, TimeUnit.HOURS.toSeconds(1));
    }
    return rateLimits;
  }

  private synchronized <K, V> Cache<K, V> cache(
      String name, Class<K> keyType, Class<V> valueType, long ttlSeconds) {
    return GridCaches.getOrCreate(cacheManager, name, keyType, valueType, ttlSeconds);
  }
}
