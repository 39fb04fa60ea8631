package dev.monocle.auth.internal;

import dev.monocle.platform.BlindIndexed;
import dev.monocle.platform.Sealed;
import dev.monocle.platform.SealedFieldListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A person who signs in. The email is PII: sealed at rest, found by its blind index. The TOTP
 * secret is sealed too; the last accepted time step makes a code single-use.
 */
@Entity
@Table(name = "auth_user")
@EntityListeners(SealedFieldListener.class)
public class UserEntity {

  @Id String id;

  @Column(name = "tenant_id")
  String tenantId;

  String username;

  @Transient
  @Sealed(into = "emailSealed")
  @BlindIndexed(column = "email_index", purpose = Directory.EMAIL_INDEX)
  String email;

  @Column(name = "email")
  byte[] emailSealed;

  @Column(name = "email_index")
  String emailIndex;

  @Column(name = "password_hash")
  String passwordHash;

  boolean disabled;

  @Column(name = "mfa_enabled")
  boolean mfaEnabled;

  @Transient
  @Sealed(into = "mfaSecretSealed")
  String mfaSecret;

  @Column(name = "mfa_secret")
  byte[] mfaSecretSealed;

  @Transient
  @Sealed(into = "mfaPendingSecretSealed")
  String mfaPendingSecret;

  @Column(name = "mfa_pending_secret")
  byte[] mfaPendingSecretSealed;

  @Column(name = "mfa_last_step")
  long mfaLastStep;

  @Column(name = "failed_logins")
  int failedLogins;

  @Column(name = "locked_until")
  Instant lockedUntil;

  @Column(name = "last_failed_login_at")
  Instant lastFailedLoginAt;

  @Column(name = "password_changed_at")
  Instant passwordChangedAt;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Version long version;

  protected UserEntity() {}

  UserEntity(String tenantId, String username, String passwordHash, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.username = username;
    this.passwordHash = passwordHash;
    this.passwordChangedAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void setEmail(String email, String index) {
    this.email = email;
    this.emailSealed = SealedFieldListener.resealMarker();
    this.emailIndex = index;
  }

  void setMfaSecret(String secret) {
    this.mfaSecret = secret;
    this.mfaSecretSealed = SealedFieldListener.resealMarker();
  }

  void setMfaPendingSecret(String secret) {
    this.mfaPendingSecret = secret;
    this.mfaPendingSecretSealed = SealedFieldListener.resealMarker();
  }
}
