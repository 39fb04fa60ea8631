package dev.monocle.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A service credential {@code mk_<prefix>_<secret>}: tenant-bound, scoped, expiring, hashed. */
@Entity
@Table(name = "auth_api_key")
public class ApiKeyEntity {

  @Id String id;

  @Column(name = "tenant_id")
  String tenantId;

  String name;
  String prefix;

  @Column(name = "secret_hash")
  String secretHash;

  /** Space-separated scope names. */
  String scopes;

  @Column(name = "created_by")
  String createdBy;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "expires_at")
  Instant expiresAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  @Column(name = "last_used_at")
  Instant lastUsedAt;

  @Column(name = "replaced_by")
  String replacedBy;

  protected ApiKeyEntity() {}

  ApiKeyEntity(
      String tenantId,
      String name,
      String prefix,
      String secretHash,
      String scopes,
      String createdBy,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.name = name;
    this.prefix = prefix;
    this.secretHash = secretHash;
    this.scopes = scopes;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  boolean isUsable(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
