package dev.monocle.platform.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Readiness and the gauge {@code tls_certificate_expiry_days} for the served certificate: the check
 * {@code tls-certificate} goes down when it expires within {@code monocle.tls.expiry-warning-days}
 * (14), so that an expiring certificate is noticed while there is time to replace it. Without
 * {@code MONOCLE_TLS_CERT_FILE} (TLS ends at a proxy) the check is up and says so, and no gauge is
 * exported.
 */
@ApplicationScoped
public class TlsCertificateHealth {

  private static final Logger LOG = Logger.getLogger(TlsCertificateHealth.class.getName());

  @Inject MetricRegistry registry;

  private final Clock clock = Clock.systemUTC();
  private Optional<ServedCertificate> served = Optional.empty();
  private boolean unreadable;
  private int warningDays;

  @PostConstruct
  void readCertificate() {
    var config = ConfigProvider.getConfig();
    warningDays =
        config.getOptionalValue("monocle.tls.expiry-warning-days", Integer.class).orElse(14);
    Optional<String> file =
        config
            .getOptionalValue("monocle.tls.cert.file", String.class)
            .map(String::trim)
            .filter(f -> !f.isEmpty());
    if (file.isEmpty()) {
      return;
    }
    try {
      served = Optional.of(ServedCertificate.read(Path.of(file.get())));
      LOG.info(
          () ->
              "Serving TLS with the certificate of "
                  + served.get().subject()
                  + ", valid until "
                  + served.get().notAfter());
    } catch (IOException e) {
      unreadable = true;
      LOG.severe("MONOCLE_TLS_CERT_FILE cannot be read: " + e.getMessage());
    }
  }

  void exportGauge(@Observes @Initialized(ApplicationScoped.class) Object started) {
    served.ifPresent(
        cert ->
            registry.gauge(
                "tls_certificate_expiry_days", this, h -> cert.daysLeft(h.clock.instant())));
  }

  @Produces
  @Readiness
  HealthCheck certificate() {
    return () -> {
      var response = HealthCheckResponse.named("tls-certificate");
      if (unreadable) {
        return response.down().withData("error", "certificate file unreadable").build();
      }
      if (served.isEmpty()) {
        return response.up().withData("served", false).build();
      }
      ServedCertificate cert = served.get();
      return response
          .status(!cert.expiresWithin(clock.instant(), warningDays))
          .withData("served", true)
          .withData("not_after", cert.notAfter().toString())
          .withData("days_left", (long) Math.floor(cert.daysLeft(clock.instant())))
          .withData("warning_days", warningDays)
          .build();
    };
  }
}
