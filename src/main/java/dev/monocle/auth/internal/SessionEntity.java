package dev.monocle.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in: the family of refresh tokens rotated from one login, and the {@code sid} of every
 * access token issued in it. Revoking it ends all of them.
 */
@Entity
@Table(name = "auth_session")
public class SessionEntity {

  @Id String id;

  @Column(name = "user_id")
  String userId;

  @Column(name = "tenant_id")
  String tenantId;

  String amr;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "expires_at")
  Instant expiresAt;

  @Column(name = "last_used_at")
  Instant lastUsedAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  @Column(name = "revoke_reason")
  String revokeReason;

  protected SessionEntity() {}

  SessionEntity(String userId, String tenantId, String amr, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.tenantId = tenantId;
    this.amr = amr;
    this.createdAt = now;
    this.lastUsedAt = now;
    this.expiresAt = expiresAt;
  }

  boolean isLive(Instant now) {
    return isLive(revokedAt, expiresAt, now);
  }

  /** Whether a session of these times is live (for rows read without the entity). */
  static boolean isLive(Instant revokedAt, Instant expiresAt, Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
