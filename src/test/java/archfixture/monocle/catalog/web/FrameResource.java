package archfixture.monocle.catalog.web;

import archfixture.monocle.auth.internal.PasswordHasher;
import jakarta.persistence.EntityManager;

/** Violations: reaches into auth's internals and uses an EntityManager in a resource. */
public class FrameResource {
  EntityManager em;

  public String hash() {
    return new PasswordHasher().hash("x");
  }
}
