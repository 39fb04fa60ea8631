package dev.monocle.catalog.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A frame as a client writes it (create, replace, one row of an import): every writable field and
 * nothing else, so {@code id}, {@code tenant} or derived fields in a body are refused as unknown.
 * {@link FrameRules} says what is valid.
 */
public record FrameInput(
    String sku,
    String name,
    String brand,
    String model,
    String description,
    String frameType,
    String shape,
    String rim,
    String material,
    String color,
    String gender,
    Measurements measurements,
    Price price,
    Integer stock,
    String status,
    List<String> images,
    List<String> tags,
    FaceShapeScores faceShapeScores) {

  public FrameInput {
    images = images == null ? null : java.util.Collections.unmodifiableList(images);
    tags = tags == null ? null : java.util.Collections.unmodifiableList(tags);
  }

  /** This frame with the defaults of what was left out: draft, no stock, no images or tags. */
  public FrameInput withDefaults() {
    return new FrameInput(
        sku,
        name,
        brand,
        model,
        description,
        frameType,
        shape,
        rim,
        material,
        color,
        gender,
        measurements == null ? Measurements.NONE : measurements.rounded(),
        price,
        stock == null ? Integer.valueOf(0) : stock,
        status == null ? "draft" : status,
        images == null ? List.of() : images,
        tags == null ? List.of() : tags,
        faceShapeScores);
  }

  /** This frame in another status (archiving keeps everything else). */
  public FrameInput withStatus(String newStatus) {
    return new FrameInput(
        sku,
        name,
        brand,
        model,
        description,
        frameType,
        shape,
        rim,
        material,
        color,
        gender,
        measurements,
        price,
        stock,
        newStatus,
        images,
        tags,
        faceShapeScores);
  }

  /** Millimetres and grams; each may be unknown. */
  public record Measurements(
      Double lensWidthMm,
      Double lensHeightMm,
      Double bridgeWidthMm,
      Double templeLengthMm,
      Double frameWidthMm,
      Double weightG) {

    public static final Measurements NONE = new Measurements(null, null, null, null, null, null);

    /** To the 0.1 mm (and 0.1 g) that is stored, so that what is derived matches what is kept. */
    public Measurements rounded() {
      return new Measurements(
          tenth(lensWidthMm),
          tenth(lensHeightMm),
          tenth(bridgeWidthMm),
          tenth(templeLengthMm),
          tenth(frameWidthMm),
          tenth(weightG));
    }

    private static Double tenth(Double value) {
      return value == null
          ? null
          : java.math.BigDecimal.valueOf(value)
              .setScale(1, java.math.RoundingMode.HALF_UP)
              .doubleValue();
    }
  }

  /** A price in an ISO 4217 currency. */
  public record Price(BigDecimal amount, String currency) {}

  /** How well a frame suits each face shape, 0 (not at all) to 1 (ideal). */
  public record FaceShapeScores(
      Double oval, Double round, Double square, Double heart, Double diamond, Double oblong) {}
}
