package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.FrameInput.FaceShapeScores;
import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.FrameInput.Price;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A frame as the API shows it: what was written plus what Monocle derives from it. */
public record Frame(
    String id,
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
    int stock,
    String status,
    List<String> images,
    List<String> tags,
    FaceShapeScores faceShapeScores,
    String size,
    Quality quality,
    Map<String, Localized> localized,
    Instant createdAt,
    Instant updatedAt) {

  public Frame {
    images = List.copyOf(images);
    tags = List.copyOf(tags);
    localized = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(localized));
  }

  /** Completeness from 0 to 1, and what is missing. */
  public record Quality(double score, List<String> issues) {
    public Quality {
      issues = List.copyOf(issues);
    }
  }

  /** Name and description in another language. */
  public record Localized(String name, String description, boolean machineTranslated) {}

  /** This frame with name and description in {@code lang}, where a localization exists. */
  public Frame in(String lang) {
    Localized text = lang == null ? null : localized.get(lang);
    if (text == null) {
      return this;
    }
    return new Frame(
        id,
        sku,
        text.name() == null ? name : text.name(),
        brand,
        model,
        text.description() == null ? description : text.description(),
        frameType,
        shape,
        rim,
        material,
        color,
        gender,
        measurements,
        price,
        stock,
        status,
        images,
        tags,
        faceShapeScores,
        size,
        quality,
        localized,
        createdAt,
        updatedAt);
  }
}
