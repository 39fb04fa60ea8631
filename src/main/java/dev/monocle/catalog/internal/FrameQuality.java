package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.Frame.Quality;
import dev.monocle.catalog.internal.FrameInput.Measurements;
import java.util.ArrayList;
import java.util.List;

/**
 * How complete a frame's listing is: thirteen checks a merchandiser would make before a frame goes
 * live (a description, images, all six measurements, brand, material, color, tags, stock when
 * active). The score is the share of checks passed; the issues name the failed ones.
 */
public final class FrameQuality {

  static final int CHECKS = 13;

  private FrameQuality() {}

  public static Quality of(FrameInput f) {
    List<String> issues = new ArrayList<>();
    if (f.description() == null || f.description().isBlank()) {
      issues.add("missing_description");
    }
    if (f.images() == null || f.images().isEmpty()) {
      issues.add("missing_images");
    }
    Measurements m = f.measurements() == null ? Measurements.NONE : f.measurements();
    missing(issues, "lens_width_mm", m.lensWidthMm());
    missing(issues, "lens_height_mm", m.lensHeightMm());
    missing(issues, "bridge_width_mm", m.bridgeWidthMm());
    missing(issues, "temple_length_mm", m.templeLengthMm());
    missing(issues, "frame_width_mm", m.frameWidthMm());
    missing(issues, "weight_g", m.weightG());
    if (f.brand() == null) {
      issues.add("missing_brand");
    }
    if (f.material() == null) {
      issues.add("missing_material");
    }
    if (f.color() == null) {
      issues.add("missing_color");
    }
    if (f.tags() == null || f.tags().isEmpty()) {
      issues.add("missing_tags");
    }
    if ("active".equals(f.status()) && (f.stock() == null || f.stock() == 0)) {
      issues.add("active_without_stock");
    }
    double score = Math.round(100.0 * (CHECKS - issues.size()) / CHECKS) / 100.0;
    return new Quality(score, List.copyOf(issues));
  }

  private static void missing(List<String> issues, String field, Double value) {
    if (value == null) {
      issues.add("missing_measurement:" + field);
    }
  }
}
