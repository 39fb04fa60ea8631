package dev.monocle.platform;

import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * Caches on Payara's JCache (Hazelcast), shared by every instance of a cluster: each entry lives
 * {@code ttlSeconds} from its creation, values are stored by value.
 */
public final class GridCaches {

  private GridCaches() {}

  /** The cache {@code name}, created with the given types and time to live if nobody has yet. */
  public static <K, V> Cache<K, V> getOrCreate(
      CacheManager manager, String name, Class<K> keyType, Class<V> valueType, long ttlSeconds) {
    Cache<K, V> existing = manager.getCache(name, keyType, valueType);
    if (existing != null) {
      return existing;
    }
    try {
      return manager.createCache(
          name,
          new MutableConfiguration<K, V>()
              .setTypes(keyType, valueType)
              .setStoreByValue(true)
              .setExpiryPolicyFactory(
                  CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, ttlSeconds))));
    } catch (CacheException createdElsewhere) {
      return manager.getCache(name, keyType, valueType);
    }
  }
}
