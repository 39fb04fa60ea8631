package dev.monocle.auth.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

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
              "monocle-revoked-sessions",
              String.class,
              Boolean.class,
              new Duration(TimeUnit.SECONDS, REVOKED_SESSION_TTL_SECONDS));
    }
    return revokedSessions;
  }

  Cache<String, byte[]> rateLimits() {
    if (rateLimits == null) {
      rateLimits =
          cache("monocle-rate-limits", String.class, byte[].class, new Duration(TimeUnit.HOURS, 1));
    }
    return rateLimits;
  }

  private synchronized <K, V> Cache<K, V> cache(
      String name, Class<K> keyType, Class<V> valueType, Duration ttl) {
    Cache<K, V> existing = cacheManager.getCache(name, keyType, valueType);
    if (existing != null) {
      return existing;
    }
    try {
      return cacheManager.createCache(
          name,
          new MutableConfiguration<K, V>()
              .setTypes(keyType, valueType)
              .setStoreByValue(true)
              .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(ttl)));
    } catch (CacheException createdElsewhere) {
      return cacheManager.getCache(name, keyType, valueType);
    }
  }
}
