package dev.monocle.auth.internal;

import dev.monocle.auth.AccessControl;
import dev.monocle.auth.Caller;
import dev.monocle.platform.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this request, set by the access filter; the {@link AccessControl} of modules. */
@RequestScoped
public class CurrentCaller implements AccessControl {

  private Caller caller;

  public void set(Caller caller) {
    this.caller = caller;
  }

  @Override
  public Caller caller() {
    if (caller == null) {
      throw new ProblemException(
          401, "unauthorized", "Unauthorized", "Missing or invalid credentials.");
    }
    return caller;
  }

  /** The caller when credentials were presented (also on public endpoints). */
  public java.util.Optional<Caller> callerIfAny() {
    return java.util.Optional.ofNullable(caller);
  }

  @Override
  public void requireTenant(String tenantId) {
    Caller c = caller();
    if (!c.isPlatformWide() && !c.tenantId().equals(tenantId)) {
      throw new ProblemException(404, "not-found", "Not found", "No resource at this address.");
    }
  }
}
