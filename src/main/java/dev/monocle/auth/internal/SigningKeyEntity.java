package dev.monocle.auth.internal;

import dev.monocle.platform.Sealed;
import dev.monocle.platform.SealedFieldListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;

/**
 * An ES256 signing key (its private JWK sealed). Published in the JWKS from creation, used for
 * signing from {@code active_from} (after verifiers have had time to fetch it), kept published
 * after retirement until the last token it signed has expired.
 */
@Entity
@Table(name = "auth_signing_key")
@EntityListeners(SealedFieldListener.class)
public class SigningKeyEntity {

  @Id String kid;

  @Transient
  @Sealed(into = "privateJwkSealed")
  String privateJwk;

  @Column(name = "private_jwk")
  byte[] privateJwkSealed;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "active_from")
  Instant activeFrom;

  @Column(name = "retired_at")
  Instant retiredAt;

  protected SigningKeyEntity() {}

  SigningKeyEntity(String kid, String privateJwk, Instant now, Instant activeFrom) {
    this.kid = kid;
    this.privateJwk = privateJwk;
    this.createdAt = now;
    this.activeFrom = activeFrom;
  }
}
