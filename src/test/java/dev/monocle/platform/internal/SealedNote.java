package dev.monocle.platform.internal;

import dev.monocle.platform.Sealed;
import dev.monocle.platform.SealedFieldListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.UUID;

/** A test entity with one sealed column, shaped like the modules' PII entities. */
@Entity
@Table(name = "test_sealed_note")
@EntityListeners(SealedFieldListener.class)
public class SealedNote {

  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "label")
  private String label;

  @Transient
  @Sealed(into = "secretSealed")
  private String secret;

  @Column(name = "secret")
  private byte[] secretSealed;

  protected SealedNote() {}

  SealedNote(String label, String secret) {
    this.id = UUID.randomUUID().toString();
    this.label = label;
    setSecret(secret);
  }

  String id() {
    return id;
  }

  String secret() {
    return secret;
  }

  void setSecret(String secret) {
    this.secret = secret;
    this.secretSealed = SealedFieldListener.resealMarker(); // a visible change: @PreUpdate seals it
  }
}
