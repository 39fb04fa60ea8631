package dev.monocle.auth.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.access.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Service credentials {@code mk_<prefix>_<secret>}: the prefix finds the key, the secret (256 bits)
 * is stored as its SHA-256 only. Keys are tenant-bound, scoped and expiring; a rotation issues a
 * new key and lets the old one work for a grace period. Last use is kept in memory and written in
 * batches, not on every request.
 */
@ApplicationScoped
public class ApiKeyStore {

  static final Pattern FORMAT = Pattern.compile("mk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})");
  static final Duration ROTATION_GRACE = Duration.ofHours(24);
  private static final Duration CACHE_FOR = Duration.ofSeconds(10);

  @Inject Database database;
  @Inject Clock clock;

  /** A verified key as the access filter needs it. */
  public record VerifiedKey(String id, String tenantId, String name, Set<Scope> scopes) {
    public VerifiedKey {
      scopes = Set.copyOf(scopes);
    }
  }

  /** A new key: the only moment its secret exists outside the caller. */
  public record IssuedKey(ApiKeyEntity entity, String key) {}

  private record Cached(ApiKeyEntity key, boolean tenantActive, Instant until) {}

  private final Map<String, Cached> byPrefix = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

  IssuedKey issue(
      jakarta.persistence.EntityManager em,
      String tenantId,
      String name,
      Set<Scope> scopes,
      Instant expiresAt,
      String createdBy) {
    String prefix = RandomTokens.base32(12);
    String secret = RandomTokens.urlSafe(32);
    ApiKeyEntity entity =
        new ApiKeyEntity(
            tenantId,
            name,
            prefix,
            RandomTokens.sha256(secret),
            scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" ")),
            createdBy,
            clock.instant(),
            expiresAt);
    em.persist(entity);
    return new IssuedKey(entity, "mk_" + prefix + "_" + secret);
  }

  /** The key behind a presented value, if it is well-formed, known, unrevoked and unexpired. */
  Optional<VerifiedKey> verify(String presented) {
    if (presented == null || presented.length() > 100) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(presented);
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Cached found = lookup(m.group(1), now);
    ApiKeyEntity key = found == null ? null : found.key();
    if (key == null
        || !found.tenantActive()
        || !key.isUsable(now)
        || !RandomTokens.sameDigest(key.secretHash, RandomTokens.sha256(m.group(2)))) {
      return Optional.empty();
    }
    lastUse.put(key.id, now);
    Set<Scope> scopes =
        Arrays.stream(key.scopes.split(" "))
            .map(Scope::fromWire)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    return Optional.of(new VerifiedKey(key.id, key.tenantId, key.name, scopes));
  }

  /** The key and whether its tenant is active, cached briefly per instance. */
  private Cached lookup(String prefix, Instant now) {
    Cached cached = byPrefix.get(prefix);
    if (cached != null && now.isBefore(cached.until())) {
      return cached;
    }
    Cached fresh =
        database.inTransaction(
            em ->
                em.createQuery(
                        "SELECT k FROM ApiKeyEntity k WHERE k.prefix = :p", ApiKeyEntity.class)
                    .setParameter("p", prefix)
                    .getResultStream()
                    .findFirst()
                    .map(
                        k ->
                            new Cached(
                                k,
                                em.find(TenantEntity.class, k.tenantId).isActive(),
                                now.plus(CACHE_FOR)))
                    .orElse(null));
    if (fresh != null) {
      byPrefix.put(prefix, fresh);
    }
    return fresh;
  }

  /** Forgets the cached keys of a tenant (suspended or reactivated). */
  void forgetTenant(String tenantId) {
    byPrefix.values().removeIf(c -> c.key().tenantId.equals(tenantId));
  }

  /** Forgets cached keys, so a revocation or rotation on this instance is seen at once. */
  void forget(String prefix) {
    byPrefix.remove(prefix);
  }

  /** Writes the buffered last-use times (every minute, and at shutdown). */
  void flushLastUse() {
    if (lastUse.isEmpty()) {
      return;
    }
    Map<String, Instant> batch = Map.copyOf(lastUse);
    batch.keySet().forEach(lastUse::remove);
    database.run(
        em ->
            batch.forEach(
                (id, at) ->
                    em.createQuery(
                            "UPDATE ApiKeyEntity k SET k.lastUsedAt = :at WHERE k.id = :id"
                                + " AND (k.lastUsedAt IS NULL OR k.lastUsedAt < :at)")
                        .setParameter("at", at)
                        .setParameter("id", id)
                        .executeUpdate()));
  }

  @PreDestroy
  void shutdown() {
    try {
      flushLastUse();
    } catch (RuntimeException ignored) {
      // the database may be gone at shutdown; last-use times are best effort
    }
  }
}
