package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.AccessControl;
import dev.monocle.auth.Caller;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.TenantScope;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this request, set by the access filter; the {@link AccessControl} of modules. */
@RequestScoped
public class CurrentCaller implements AccessControl, TenantScope {

  @jakarta.inject.Inject AuditTrail audit;

  private Caller caller;

  public void set(Caller caller) {
    this.caller = caller;
  }

  @Override
  public Caller caller() {
    if (caller == null) {
      throw ProblemException.unauthorized();
    }
    return caller;
  }

  /** The caller when credentials were presented (also on public endpoints). */
  public java.util.Optional<Caller> callerIfAny() {
    return java.util.Optional.ofNullable(caller);
  }

  @Override
  public java.util.Optional<String> restrictedTo() {
    Caller c = caller();
    return c.readsEveryTrail() ? java.util.Optional.empty() : java.util.Optional.of(c.tenantId());
  }

  @Override
  public void requireTenant(String tenantId) {
    Caller c = caller();
    if (!c.isPlatformWide() && !c.tenantId().equals(tenantId)) {
      audit.record(
          AuditEvent.denied(
              "authz.decision",
              c.actor(),
              c.tenantId(),
              Target.of("tenant", tenantId),
              "object of another tenant"));
      throw ProblemException.notFound();
    }
  }
}
