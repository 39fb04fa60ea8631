package dev.monocle.auth.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The request-level limits and counters the access filter applies. */
@ApplicationScoped
public class RequestLimits {

  @Inject RateLimiter limiter;
  @Inject AuthMetrics metrics;

  public void principal(String principalId) {
    limiter.consume(limiter.perPrincipal(), principalId);
  }

  public void anonymous(String address) {
    limiter.consume(limiter.anonymousPerAddress(), address);
  }

  public void denied() {
    metrics.authorizationDenied();
  }
}
