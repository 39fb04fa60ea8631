package dev.monocle.auth.internal;

import dev.monocle.platform.BlindIndex;
import dev.monocle.platform.ProblemException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets (Bucket4j) on the grid cache, so limits hold across a cluster. A refused request is
 * a 429 with {@code Retry-After} and the {@code RateLimit-*} headers of the contract. Buckets are
 * keyed by a keyed hash (the blind index) of the address or principal, so the grid, which every
 * member of a cluster holds a part of, keeps no client address or user id in clear.
 */
@ApplicationScoped
public class RateLimiter {

  /** A named limit: so many requests per period, and the bucket configuration that says so. */
  public record Limit(String name, long capacity, Duration period, BucketConfiguration bucket) {
    Limit(String name, long capacity, Duration period) {
      this(
          name,
          capacity,
          period,
          BucketConfiguration.builder()
              .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period))
              .build());
    }
  }

  @Inject AuthCaches caches;
  @Inject AuthMetrics metrics;
  @Inject BlindIndex pseudonyms;

  @Inject
  @ConfigProperty(name = "monocle.ratelimit.login-per-address-per-minute", defaultValue = "30")
  long loginPerAddress;

  @Inject
  @ConfigProperty(name = "monocle.ratelimit.mfa-per-user-per-15-minutes", defaultValue = "10")
  long mfaPerUser;

  @Inject
  @ConfigProperty(
      name = "monocle.ratelimit.requests-per-principal-per-minute",
      defaultValue = "6000")
  long perPrincipal;

  @Inject
  @ConfigProperty(name = "monocle.ratelimit.anonymous-per-address-per-minute", defaultValue = "600")
  long anonymousPerAddress;

  private ProxyManager<String> buckets;

  // The limits, built once from the settings (not at every request).
  private Limit loginLimit;
  private Limit mfaLimit;
  private Limit principalLimit;
  private Limit anonymousLimit;

  @PostConstruct
  void init() {
    buckets = Bucket4jJCache.entryProcessorBasedBuilder(caches.rateLimits()).build();
    loginLimit = new Limit("login-address", loginPerAddress, Duration.ofMinutes(1));
    mfaLimit = new Limit("mfa-user", mfaPerUser, Duration.ofMinutes(15));
    principalLimit = new Limit("principal", perPrincipal, Duration.ofMinutes(1));
    anonymousLimit = new Limit("anonymous-address", anonymousPerAddress, Duration.ofMinutes(1));
  }

  Limit loginPerAddress() {
    return loginLimit;
  }

  Limit mfaPerUser() {
    return mfaLimit;
  }

  Limit perPrincipal() {
    return principalLimit;
  }

  Limit anonymousPerAddress() {
    return anonymousLimit;
  }

  /** Takes one token for {@code subject} under {@code limit}, or refuses with 429. */
  void consume(Limit limit, String subject) {
    ConsumptionProbe probe =
        buckets
            .builder()
            .build(
                limit.name() + ":" + pseudonyms.of("ratelimit." + limit.name(), subject),
                limit::bucket)
            .tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      metrics.rateLimited(limit.name());
      long waitSeconds =
          Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      throw new ProblemException(
          429,
          "rate-limited",
          "Too many requests",
          "Too many requests; retry after " + waitSeconds + " seconds.",
          List.of(),
          Map.of(
              "Retry-After", Long.toString(waitSeconds),
              "RateLimit-Limit", Long.toString(limit.capacity()),
              "RateLimit-Remaining", "0",
              "RateLimit-Reset", Long.toString(waitSeconds)));
    }
  }
}
