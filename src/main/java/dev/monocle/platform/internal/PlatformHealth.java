package dev.monocle.platform.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The platform's probes, served by MicroProfile Health at {@code /health/live}, {@code
 * /health/ready} and {@code /health/started}. Readiness follows the database: it goes down when no
 * connection can be had and comes back by itself.
 */
@ApplicationScoped
public class PlatformHealth {

  @Inject PlatformBootstrap platform;

  @Produces
  @Liveness
  HealthCheck process() {
    return () -> HealthCheckResponse.up("process");
  }

  @Produces
  @Startup
  HealthCheck started() {
    return () -> HealthCheckResponse.named("platform").status(platform.isStarted()).build();
  }

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> HealthCheckResponse.named("database").status(platform.databaseReachable()).build();
  }

  @Produces
  @Readiness
  HealthCheck migrations() {
    return () -> HealthCheckResponse.named("migrations").status(platform.isMigrated()).build();
  }

  @Produces
  @Readiness
  HealthCheck keyMaterial() {
    return () ->
        HealthCheckResponse.named("key-material").status(platform.hasKeyMaterial()).build();
  }
}
