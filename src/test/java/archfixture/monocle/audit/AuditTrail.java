package archfixture.monocle.audit;

import archfixture.monocle.platform.Kernel;

/** Allowed: audit uses platform (and, with Kernel, makes the cycle). */
public class AuditTrail {
  public Kernel kernel() {
    return null;
  }
}
