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
    this.status = "active";
    this.createdAt = now;
    this.updatedAt = now;
  }

  boolean isActive() {
    return "active".equals(status);
  }
}
