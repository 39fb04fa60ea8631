package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.CustomerInput.Prescription;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer as the API shows it: every value to tenant admins (each such read is audited), masked
 * values to catalog editors ({@code masked: true}; prescription and face data left out).
 */
public record CustomerView(
    String id,
    String fullName,
    String email,
    String phone,
    String dateOfBirth,
    Prescription prescription,
    String faceShape,
    BigDecimal faceWidthMm,
    Consent consent,
    Instant createdAt,
    Instant lastActivityAt,
    boolean masked) {

  /** Consent with the time it was last given or changed. */
  public record Consent(boolean marketing, boolean biometric, Instant givenAt) {}
}
