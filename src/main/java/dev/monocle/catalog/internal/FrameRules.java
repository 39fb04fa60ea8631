package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.FrameInput.FaceShapeScores;
import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.FrameInput.Price;
import dev.monocle.catalog.internal.Vocabulary.FrameType;
import dev.monocle.catalog.internal.Vocabulary.Gender;
import dev.monocle.catalog.internal.Vocabulary.Material;
import dev.monocle.catalog.internal.Vocabulary.Rim;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.catalog.internal.Vocabulary.Status;
import dev.monocle.catalog.internal.Vocabulary.Term;
import dev.monocle.platform.ProblemException.FieldError;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a retailer's frame must look like: required fields, closed vocabularies, measurements in the
 * ranges real frames have, a price in a real currency, bounded texts. Every problem is reported at
 * once, named by its JSON field, so one round trip fixes a form or an import row.
 */
public final class FrameRules {

  static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final int MAX_IMAGES = 20;
  static final int MAX_TAGS = 30;
  static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
  static final int MAX_STOCK = 1_000_000;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final Pattern CONTROL_EXCEPT_LINES = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  private FrameRules() {}

  /** Every problem of {@code frame}; empty when it may be stored. */
  public static List<FieldError> check(FrameInput frame) {
    List<FieldError> errors = new ArrayList<>();
    if (frame.sku() == null || frame.sku().isEmpty()) {
      errors.add(new FieldError("sku", "is required"));
    } else if (!SKU.matcher(frame.sku()).matches()) {
      errors.add(
          new FieldError("sku", "must be 1 to 64 letters, digits, '.', '_' or '-' (no spaces)"));
    }
    requiredText(errors, "name", frame.name(), 200);
    optionalText(errors, "brand", frame.brand(), 100);
    optionalText(errors, "model", frame.model(), 100);
    optionalText(errors, "color", frame.color(), 50);
    if (frame.description() != null) {
      if (frame.description().length() > 5000) {
        errors.add(new FieldError("description", "must be at most 5000 characters"));
      } else if (CONTROL_EXCEPT_LINES.matcher(frame.description()).find()) {
        errors.add(new FieldError("description", "must not contain control characters"));
      }
    }
    term(errors, "frame_type", FrameType.class, frame.frameType(), true);
    term(errors, "shape", Shape.class, frame.shape(), true);
    term(errors, "rim", Rim.class, frame.rim(), false);
    term(errors, "material", Material.class, frame.material(), false);
    term(errors, "gender", Gender.class, frame.gender(), false);
    term(errors, "status", Status.class, frame.status(), false);
    measurements(errors, frame.measurements());
    price(errors, frame.price());
    if (frame.stock() != null && (frame.stock() < 0 || frame.stock() > MAX_STOCK)) {
      errors.add(new FieldError("stock", "must be between 0 and " + MAX_STOCK));
    }
    images(errors, frame.images());
    tags(errors, frame.tags());
    scores(errors, frame.faceShapeScores());
    return errors;
  }

  private static void requiredText(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else {
      optionalText(errors, field, value, max);
    }
  }

  private static void optionalText(List<FieldError> errors, String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      errors.add(new FieldError(field, "must not be blank (leave it out instead)"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    } else if (CONTROL.matcher(value).find()) {
      errors.add(new FieldError(field, "must not contain control characters or line breaks"));
    }
  }

  private static <T extends Enum<T> & Term> void term(
      List<FieldError> errors, String field, Class<T> type, String value, boolean required) {
    if (value == null) {
      if (required) {
        errors.add(new FieldError(field, "is required; " + Vocabulary.oneOf(type)));
      }
    } else if (Vocabulary.parse(type, value).isEmpty()) {
      errors.add(new FieldError(field, Vocabulary.oneOf(type)));
    }
  }

  private static void measurements(List<FieldError> errors, Measurements m) {
    if (m == null) {
      return;
    }
    range(errors, "measurements.lens_width_mm", m.lensWidthMm(), 30, 70, "mm");
    range(errors, "measurements.lens_height_mm", m.lensHeightMm(), 15, 60, "mm");
    range(errors, "measurements.bridge_width_mm", m.bridgeWidthMm(), 10, 30, "mm");
    range(errors, "measurements.temple_length_mm", m.templeLengthMm(), 110, 160, "mm");
    range(errors, "measurements.frame_width_mm", m.frameWidthMm(), 100, 180, "mm");
    range(errors, "measurements.weight_g", m.weightG(), 1, 100, "g");
  }

  private static void range(
      List<FieldError> errors, String field, Double value, double min, double max, String unit) {
    if (value != null && !(value >= min && value <= max)) {
      errors.add(
          new FieldError(field, "must be between " + (int) min + " and " + (int) max + " " + unit));
    }
  }

  private static void price(List<FieldError> errors, Price price) {
    if (price == null) {
      errors.add(new FieldError("price", "is required"));
      return;
    }
    Currency currency = currency(price.currency());
    if (price.currency() == null) {
      errors.add(new FieldError("price.currency", "is required (ISO 4217, e.g. EUR)"));
    } else if (currency == null) {
      errors.add(new FieldError("price.currency", "must be an ISO 4217 currency code, e.g. EUR"));
    }
    BigDecimal amount = price.amount();
    if (amount == null) {
      errors.add(new FieldError("price.amount", "is required"));
    } else if (amount.signum() < 0 || amount.compareTo(MAX_PRICE) > 0) {
      errors.add(new FieldError("price.amount", "must be between 0 and " + MAX_PRICE));
    } else if (amount.stripTrailingZeros().scale() > digitsOf(currency)) {
      errors.add(
          new FieldError(
              "price.amount", "has more decimal places than the currency has minor units"));
    }
  }

  /** The currency of an upper-case ISO 4217 code, or null. */
  static Currency currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return null;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int digitsOf(Currency currency) {
    return currency == null ? 2 : Math.max(0, Math.min(2, currency.getDefaultFractionDigits()));
  }

  private static void images(List<FieldError> errors, List<String> images) {
    if (images == null) {
      return;
    }
    if (images.size() > MAX_IMAGES) {
      errors.add(new FieldError("images", "must hold at most " + MAX_IMAGES + " URLs"));
      return;
    }
    for (int i = 0; i < images.size(); i++) {
      if (!isWebUrl(images.get(i))) {
        errors.add(
            new FieldError(
                "images[" + i + "]", "must be an absolute http(s) URL of at most 2048 characters"));
      }
    }
  }

  static boolean isWebUrl(String value) {
    if (value == null || value.length() > 2048) {
      return false;
    }
    try {
      URI uri = new URI(value);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void tags(List<FieldError> errors, List<String> tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > MAX_TAGS) {
      errors.add(new FieldError("tags", "must hold at most " + MAX_TAGS + " tags"));
      return;
    }
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || tag.isBlank() || tag.length() > 50 || CONTROL.matcher(tag).find()) {
        errors.add(new FieldError("tags[" + i + "]", "must be 1 to 50 characters of text"));
      }
    }
  }

  private static void scores(List<FieldError> errors, FaceShapeScores s) {
    if (s == null) {
      return;
    }
    Double[] values = {s.oval(), s.round(), s.square(), s.heart(), s.diamond(), s.oblong()};
    Vocabulary.FaceShape[] faces = Vocabulary.FaceShape.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || !(values[i] >= 0 && values[i] <= 1)) {
        errors.add(
            new FieldError(
                "face_shape_scores." + faces[i].wire(),
                "must be between 0 and 1 (give all six, or leave the scores out)"));
      }
    }
  }
}
