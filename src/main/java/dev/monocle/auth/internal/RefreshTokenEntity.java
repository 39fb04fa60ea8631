package dev.monocle.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refresh token of a session, stored only as its SHA-256; spent when rotated. */
@Entity
@Table(name = "auth_refresh_token")
public class RefreshTokenEntity {

  @Id
  @Column(name = "token_hash")
  String tokenHash;

  @Column(name = "session_id")
  String sessionId;

  @Column(name = "issued_at")
  Instant issuedAt;

  @Column(name = "expires_at")
  Instant expiresAt;

  @Column(name = "spent_at")
  Instant spentAt;

  protected RefreshTokenEntity() {}

  RefreshTokenEntity(String tokenHash, String sessionId, Instant now, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.sessionId = sessionId;
    this.issuedAt = now;
    this.expiresAt = expiresAt;
  }
}
