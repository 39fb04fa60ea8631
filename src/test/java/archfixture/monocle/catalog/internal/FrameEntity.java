package archfixture.monocle.catalog.internal;

import archfixture.monocle.platform.Kernel;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Allowed: an entity in internal, using platform. */
@Entity
public class FrameEntity {
  @Id String id;

  Kernel kernel;
}
