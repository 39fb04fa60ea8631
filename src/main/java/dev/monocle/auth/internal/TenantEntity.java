package dev.monocle.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A retailer (or {@code platform}, home of the platform admins). */
@Entity
@Table(name = "auth_tenant")
public class TenantEntity {

  static final String PLATFORM = "platform";
  static final String ACTIVE = "active";

  @Id String id;
  String slug;
  String name;
  String status;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Version long version;

  protected TenantEntity() {}

  TenantEntity(String slug, String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.slug = slug;
    this.name = name;
    this.status = ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  boolean isActive() {
    return isActive(status);
  }

  /** Whether a tenant of this status may sign in (for rows read without the entity). */
  static boolean isActive(String status) {
    return ACTIVE.equals(status);
  }
}
