package dev.monocle.translation.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness follows the decoders: down while no healthy node serves a required pair. */
@ApplicationScoped
public class TranslationHealth {

  @Inject Coordinator coordinator;

  @Produces
  @Readiness
  HealthCheck decoders() {
    return () -> HealthCheckResponse.named("decoders").status(coordinator.isReady()).build();
  }
}
