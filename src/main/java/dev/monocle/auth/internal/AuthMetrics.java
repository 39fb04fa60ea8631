package dev.monocle.auth.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The security counters of the contract, exported at {@code /metrics} as {@code
 * authentication_failures_total}, {@code authorization_denied_total}, {@code rate_limited_total}
 * and {@code refresh_token_reuse_total}.
 */
@ApplicationScoped
public class AuthMetrics {

  @Inject MetricRegistry registry;

  void authenticationFailure(String reason) {
    registry.counter("authentication_failures", new Tag("reason", reason)).inc();
  }

  void authorizationDenied() {
    registry.counter("authorization_denied").inc();
  }

  void rateLimited(String limit) {
    registry.counter("rate_limited", new Tag("limit", limit)).inc();
  }

  void refreshTokenReuse() {
    registry.counter("refresh_token_reuse").inc();
  }
}
