package dev.monocle.catalog.internal;

import java.math.BigDecimal;

/**
 * A customer as a client writes it. {@code consent.given_at}, ids and times are Monocle's; a body
 * that sends them is refused as having unknown fields.
 */
public record CustomerInput(
    String fullName,
    String email,
    String phone,
    String dateOfBirth,
    Prescription prescription,
    String faceShape,
    BigDecimal faceWidthMm,
    ConsentInput consent) {

  /** An eyeglass prescription: both eyes and the pupillary distance. */
  public record Prescription(Eye right, Eye left, BigDecimal pupillaryDistanceMm) {}

  /** Sphere and cylinder in dioptres (steps of 0.25), axis in degrees, reading addition. */
  public record Eye(BigDecimal sphere, BigDecimal cylinder, Integer axis, BigDecimal add) {}

  /** What the customer agreed to. */
  public record ConsentInput(Boolean marketing, Boolean biometric) {}
}
