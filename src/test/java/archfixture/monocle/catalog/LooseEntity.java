package archfixture.monocle.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Violation: an entity in a module's public package. */
@Entity
public class LooseEntity {
  @Id String id;
}
