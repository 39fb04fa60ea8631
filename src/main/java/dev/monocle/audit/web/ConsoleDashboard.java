package dev.monocle.audit.web;

import dev.monocle.audit.internal.AuditQueries;
import dev.monocle.audit.internal.AuditVerification;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.TenantScope;
import dev.monocle.platform.console.ConsolePage;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The console's first page: is the node ready, what did attackers try in the last hour (from the
 * audit trail, so it counts every node's events), how often were limits hit, is the audit chain
 * intact, and are the decoder nodes up. Tenant admins and tenant auditors see their tenant's
 * counts.
 */
@Allow(roles = {Role.TENANT_ADMIN, Role.AUDITOR})
@WebServlet("/admin/dashboard")
public class ConsoleDashboard extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @Inject transient AuditQueries queries;
  @Inject transient AuditVerification verification;
  @Inject transient TenantScope scope;
  @Inject transient MetricRegistry metrics;
  @Inject @Readiness transient Instance<HealthCheck> readiness;

  /** One readiness check's answer. */
  public record Check(String name, boolean up) {}

  /** Decoder nodes known to this node's coordinator and how many answer. */
  public record Pool(int nodes, int up) {}

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.setAttribute("authFailures", lastHour(Optional.of("auth.*"), "failure"));
    request.setAttribute("denials", lastHour(Optional.empty(), "denied"));
    request.setAttribute("rateLimited", counterTotal("rate_limited"));
    request.setAttribute("checks", checks());
    request.setAttribute("chain", verification.lastRun().orElse(null));
    request.setAttribute("pool", pool());
    render(request, response, "dashboard");
  }

  /** Events of the last hour with this outcome (and action), in the viewer's tenant scope. */
  private long lastHour(Optional<String> action, String outcome) {
    return queries.count(
        new AuditQueries.Filter(
            scope.restrictedTo(),
            Optional.of(Instant.now().minus(Duration.ofHours(1))),
            Optional.empty(),
            Optional.empty(),
            action,
            Optional.of(outcome)));
  }

  private List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    for (HealthCheck check : readiness) {
      HealthCheckResponse answer = check.call();
      checks.add(new Check(answer.getName(), answer.getStatus() == HealthCheckResponse.Status.UP));
    }
    checks.sort(Comparator.comparing(Check::name));
    return checks;
  }

  private long counterTotal(String name) {
    return metrics.getCounters((id, metric) -> id.getName().equals(name)).values().stream()
        .mapToLong(Counter::getCount)
        .sum();
  }

  private Pool pool() {
    var gauges = metrics.getGauges((id, metric) -> id.getName().equals("decoder_node_up"));
    int up = 0;
    for (Gauge<?> gauge : gauges.values()) {
      Number value = gauge.getValue();
      if (value != null && value.doubleValue() >= 1) {
        up++;
      }
    }
    return new Pool(gauges.size(), up);
  }
}
