package dev.monocle.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use MFA recovery code, stored only as its SHA-256. */
@Entity
@Table(name = "auth_recovery_code")
public class RecoveryCodeEntity {

  @Id String id;

  @Column(name = "user_id")
  String userId;

  @Column(name = "code_hash")
  String codeHash;

  @Column(name = "used_at")
  Instant usedAt;

  protected RecoveryCodeEntity() {}

  RecoveryCodeEntity(String userId, String codeHash) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.codeHash = codeHash;
  }
}
