package archfixture.monocle.platform;

import archfixture.monocle.audit.AuditTrail;

/** Violation: platform may use no module. */
public class Kernel {
  public String record() {
    return new AuditTrail().toString();
  }
}
