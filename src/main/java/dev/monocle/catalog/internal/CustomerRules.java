package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.CustomerInput.Eye;
import dev.monocle.catalog.internal.CustomerInput.Prescription;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.platform.ProblemException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a customer record must look like: a name, a plausible email and phone, a birth date in the
 * past, a prescription within optical ranges, and face data only with biometric consent.
 */
public final class CustomerRules {

  static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,24}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final BigDecimal QUARTER = new BigDecimal("0.25");

  private CustomerRules() {}

  public static List<FieldError> check(CustomerInput c, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (c.fullName() == null || c.fullName().isBlank()) {
      errors.add(new FieldError("full_name", "is required"));
    } else if (c.fullName().length() > 200 || CONTROL.matcher(c.fullName()).find()) {
      errors.add(new FieldError("full_name", "must be at most 200 characters of text"));
    }
    if (c.email() != null && (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches())) {
      errors.add(new FieldError("email", "must be an email address"));
    }
    if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
      errors.add(new FieldError("phone", "must be a phone number (digits, optional +)"));
    }
    if (c.dateOfBirth() != null) {
      try {
        LocalDate born = LocalDate.parse(c.dateOfBirth());
        if (born.isAfter(today) || born.getYear() < 1900) {
          errors.add(new FieldError("date_of_birth", "must be a past date after 1900"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("date_of_birth", "must be a date: YYYY-MM-DD"));
      }
    }
    prescription(errors, c.prescription());
    boolean biometric = c.consent() != null && Boolean.TRUE.equals(c.consent().biometric());
    if (c.faceShape() != null) {
      if (Vocabulary.parse(FaceShape.class, c.faceShape()).isEmpty()) {
        errors.add(new FieldError("face_shape", Vocabulary.oneOf(FaceShape.class)));
      } else if (!biometric) {
        errors.add(new FieldError("face_shape", "needs consent.biometric"));
      }
    }
    if (c.faceWidthMm() != null) {
      if (!between(c.faceWidthMm(), "100", "180")) {
        errors.add(new FieldError("face_width_mm", "must be between 100 and 180 mm"));
      } else if (!biometric) {
        errors.add(new FieldError("face_width_mm", "needs consent.biometric"));
      }
    }
    return errors;
  }

  private static void prescription(List<FieldError> errors, Prescription p) {
    if (p == null) {
      return;
    }
    eye(errors, "prescription.right", p.right());
    eye(errors, "prescription.left", p.left());
    if (p.pupillaryDistanceMm() != null && !between(p.pupillaryDistanceMm(), "40", "80")) {
      errors.add(
          new FieldError("prescription.pupillary_distance_mm", "must be between 40 and 80 mm"));
    }
  }

  private static void eye(List<FieldError> errors, String field, Eye eye) {
    if (eye == null) {
      return;
    }
    dioptres(errors, field + ".sphere", eye.sphere(), "-20", "20");
    dioptres(errors, field + ".cylinder", eye.cylinder(), "-10", "10");
    dioptres(errors, field + ".add", eye.add(), "0", "4");
    if (eye.axis() != null && (eye.axis() < 0 || eye.axis() > 180)) {
      errors.add(new FieldError(field + ".axis", "must be between 0 and 180 degrees"));
    }
  }

  private static void dioptres(
      List<FieldError> errors, String field, BigDecimal value, String min, String max) {
    if (value == null) {
      return;
    }
    if (!between(value, min, max) || value.remainder(QUARTER).signum() != 0) {
      errors.add(
          new FieldError(field, "must be between " + min + " and " + max + " in steps of 0.25"));
    }
  }

  private static boolean between(BigDecimal value, String min, String max) {
    return value.compareTo(new BigDecimal(min)) >= 0 && value.compareTo(new BigDecimal(max)) <= 0;
  }
}
