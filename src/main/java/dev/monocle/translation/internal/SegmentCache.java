package dev.monocle.translation.internal;

import dev.monocle.decoding.LanguagePair;
import dev.monocle.platform.GridCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Translated segments on Payara's JCache (Hazelcast), keyed by pair, engine version and a SHA-256
 * of the segment, so a new dictionary never serves an old answer. Bounded: entries live {@code
 * monocle.translation.cache.ttl-seconds}, Hazelcast evicts the least recently used beyond its
 * per-member entry limit (10,000 by default), and segments longer than 1,000 characters are not
 * kept. {@code monocle.translation.cache.enabled=false} switches it off.
 */
@ApplicationScoped
public class SegmentCache {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(SegmentCache.class.getName());

  static final int MAX_CACHED_CHARS = 1_000;

  @Inject CacheManager cacheManager;

  @Inject
  @ConfigProperty(name = "monocle.translation.cache.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "monocle.translation.cache.ttl-seconds", defaultValue = "3600")
  long ttlSeconds;

  private Cache<String, String> cache;

  @PostConstruct
  void open() {
    if (!enabled) {
      return;
    }
    cache =
        GridCaches.getOrCreate(
            cacheManager, "monocle-translations", String.class, String.class, ttlSeconds);
  }

  /** The cached translations of {@code segments}, by index (absent when not cached). */
  Map<Integer, String> lookup(LanguagePair pair, String engineVersion, List<String> segments) {
    Map<Integer, String> found = new HashMap<>();
    if (cache == null) {
      return found;
    }
    String[] keys = new String[segments.size()];
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).length() <= MAX_CACHED_CHARS) {
        keys[i] = key(pair, engineVersion, segments.get(i));
      }
    }
    Map<String, String> hits;
    try {
      hits =
          cache.getAll(
              java.util.Arrays.stream(keys)
                  .filter(java.util.Objects::nonNull)
                  .collect(java.util.stream.Collectors.toSet()));
    } catch (RuntimeException unavailable) {
      LOG.log(
          Level.WARNING,
          "Translation cache unavailable; translating without it: {0}",
          unavailable.toString());
      return found;
    }
    for (int i = 0; i < keys.length; i++) {
      String hit = keys[i] == null ? null : hits.get(keys[i]);
      if (hit != null) {
        found.put(i, hit);
      }
    }
    return found;
  }

  void store(
      LanguagePair pair, String engineVersion, List<String> segments, List<String> translated) {
    if (cache == null) {
      return;
    }
    Map<String, String> entries = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).length() <= MAX_CACHED_CHARS) {
        entries.put(key(pair, engineVersion, segments.get(i)), translated.get(i));
      }
    }
    if (!entries.isEmpty()) {
      try {
        cache.putAll(entries);
      } catch (RuntimeException unavailable) {
        LOG.log(
            Level.WARNING,
            "Translation cache unavailable; answer not kept: {0}",
            unavailable.toString());
      }
    }
  }

  private static String key(LanguagePair pair, String engineVersion, String segment) {
    try {
      // UTF-16 code units, not UTF-8: an unpaired surrogate must not hash like the '?' UTF-8
      // encoding would replace it with
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer units = java.nio.ByteBuffer.allocate(segment.length() * 2);
      units.asCharBuffer().put(segment);
      byte[] digest = sha256.digest(units.array());
      return pair + "|" + engineVersion + "|" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
