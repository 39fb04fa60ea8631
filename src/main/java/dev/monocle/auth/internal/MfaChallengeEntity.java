package dev.monocle.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The server side of an {@code mfa_token}: which user passed the password step, for what ({@code
 * login} or {@code enroll}), until when; spent once it has yielded tokens.
 */
@Entity
@Table(name = "auth_mfa_challenge")
public class MfaChallengeEntity {

  @Id String id;

  @Column(name = "user_id")
  String userId;

  String purpose;

  @Column(name = "expires_at")
  Instant expiresAt;

  @Column(name = "spent_at")
  Instant spentAt;

  int failures;

  protected MfaChallengeEntity() {}

  MfaChallengeEntity(String userId, String purpose, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.purpose = purpose;
    this.expiresAt = expiresAt;
  }
}
