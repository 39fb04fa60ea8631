package dev.monocle.catalog.internal;

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

/**
 * A retailer's customer. Every personal field is sealed at rest (bound to this row and its column);
 * the email is found by its blind index. Consent is not personal data and stays readable, so that
 * the biometric rule can be checked without opening anything.
 */
@Entity
@Table(name = "catalog_customer")
@EntityListeners(SealedFieldListener.class)
public class CustomerEntity {

  @Id String id;

  @Column(name = "tenant_id")
  String tenantId;

  @Transient
  @Sealed(into = "fullNameSealed")
  String fullName;

  @Column(name = "full_name")
  byte[] fullNameSealed;

  @Transient
  @Sealed(into = "emailSealed")
  @BlindIndexed(column = "email_index", purpose = Customers.EMAIL_INDEX)
  String email;

  @Column(name = "email")
  byte[] emailSealed;

  @Column(name = "email_index")
  String emailIndex;

  @Transient
  @Sealed(into = "phoneSealed")
  String phone;

  @Column(name = "phone")
  byte[] phoneSealed;

  @Transient
  @Sealed(into = "dateOfBirthSealed")
  String dateOfBirth;

  @Column(name = "date_of_birth")
  byte[] dateOfBirthSealed;

  /** The prescription as JSON. */
  @Transient
  @Sealed(into = "prescriptionSealed")
  String prescription;

  @Column(name = "prescription")
  byte[] prescriptionSealed;

  @Transient
  @Sealed(into = "faceShapeSealed")
  String faceShape;

  @Column(name = "face_shape")
  byte[] faceShapeSealed;

  @Transient
  @Sealed(into = "faceWidthMmSealed")
  String faceWidthMm;

  @Column(name = "face_width_mm")
  byte[] faceWidthMmSealed;

  @Column(name = "consent_marketing")
  boolean consentMarketing;

  @Column(name = "consent_biometric")
  boolean consentBiometric;

  @Column(name = "consent_given_at")
  Instant consentGivenAt;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Column(name = "last_activity_at")
  Instant lastActivityAt;

  @Version long version;

  protected CustomerEntity() {}

  CustomerEntity(String id, String tenantId, Instant now) {
    this.id = id;
    this.tenantId = tenantId;
    this.createdAt = now;
    this.updatedAt = now;
    this.lastActivityAt = now;
  }

  /** Sets every personal field (the ciphertexts are remade when the row is written). */
  void setPersonalData(
      String fullName,
      String email,
      String emailIndex,
      String phone,
      String dateOfBirth,
      String prescription,
      String faceShape,
      String faceWidthMm) {
    this.fullName = fullName;
    this.email = email;
    this.emailIndex = emailIndex;
    this.phone = phone;
    this.dateOfBirth = dateOfBirth;
    this.prescription = prescription;
    this.faceShape = faceShape;
    this.faceWidthMm = faceWidthMm;
    byte[] marker = SealedFieldListener.resealMarker();
    this.fullNameSealed = marker;
    this.emailSealed = marker;
    this.phoneSealed = marker;
    this.dateOfBirthSealed = marker;
    this.prescriptionSealed = marker;
    this.faceShapeSealed = marker;
    this.faceWidthMmSealed = marker;
  }
}
