package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recommendation formula, as SQL (to rank in the database) and as words (to explain a result).
 *
 * <pre>
 * points = 60 × face-shape score (0–1)                        always
 *        + max(0, 25 − 2.5 × |frame width − face width| mm)   when the face width is given
 *        + 7 if the shape is a preferred one                  when shapes are preferred
 *        + 4 if the material is a preferred one               when materials are preferred
 *        + 4 if the color is a preferred one                  when colors are preferred
 * score  = round(100 × points / the most points possible for this request)
 * </pre>
 *
 * In SQL the points are kept ten times larger (whole numbers where possible).
 */
final class FitScore {

  static final Map<FaceShape, String> WHY =
      Map.of(
          FaceShape.OVAL, "balanced proportions suit almost any frame",
          FaceShape.ROUND, "angular lines add definition to a round face",
          FaceShape.SQUARE, "soft curves balance a strong jaw",
          FaceShape.HEART, "a light or wide lower edge balances a wider forehead",
          FaceShape.DIAMOND, "a strong brow line balances wide cheekbones",
          FaceShape.OBLONG, "deep lenses shorten a long face");

  private final Recommendations.Request request;
  private final List<Object> params = new ArrayList<>();
  private final String sql;
  private final double maxPoints;
  private final double maxWidthPoints;
  private final double maxPreferencePoints;

  FitScore(Recommendations.Request r) {
    this.request = r;
    List<String> terms = new ArrayList<>();
    terms.add("fit_" + r.faceShape().wire() + " * 6");
    double width = 0;
    if (r.faceWidthMm() != null) {
      terms.add(
          "COALESCE(GREATEST(0, 250 - 25 * ABS(CAST(frame_width_mm AS DOUBLE PRECISION) - ?)), 0)");
      params.add(r.faceWidthMm().doubleValue());
      width = 250;
    }
    double preferences = preference(terms, "shape", Recommendations.wires(r.shapes()), 70);
    preferences += preference(terms, "material", Recommendations.wires(r.materials()), 40);
    preferences += preference(terms, "color_key", r.colors().stream().sorted().toList(), 40);
    this.sql = "(" + String.join(" + ", terms) + ")";
    this.maxWidthPoints = width;
    this.maxPreferencePoints = preferences;
    this.maxPoints = 600 + width + preferences;
  }

  private int preference(List<String> terms, String column, List<String> values, int points) {
    if (values.isEmpty()) {
      return 0;
    }
    terms.add(
        "CASE WHEN "
            + column
            + " IN ("
            + String.join(",", Collections.nCopies(values.size(), "?"))
            + ") THEN "
            + points
            + " ELSE 0 END");
    params.addAll(values);
    return points;
  }

  /**
   * Narrows a query to the frames that can still reach {@code floor} points. The points are a sum
   * of bounded parts, so a frame needs at least {@code floor − (the other parts' maxima)} from each
   * part: a face-shape score, and (when the face width is given) a width close enough to it.
   */
  void prune(double floor, StringBuilder sql, List<Object> params) {
    double slack = 1e-6;
    double face = (floor - maxWidthPoints - maxPreferencePoints) / 6 - slack;
    if (face > 0) {
      sql.append(" AND fit_").append(request.faceShape().wire()).append(" >= ?");
      params.add((int) Math.ceil(face));
    }
    double width = floor - 600 - maxPreferencePoints - slack;
    if (maxWidthPoints > 0 && width > 0) {
      double within = (250 - width) / 25;
      double center = request.faceWidthMm().doubleValue();
      sql.append(" AND frame_width_mm BETWEEN ? AND ?");
      params.add(BigDecimal.valueOf(center - within).setScale(2, java.math.RoundingMode.FLOOR));
      params.add(BigDecimal.valueOf(center + within).setScale(2, java.math.RoundingMode.CEILING));
    }
  }

  String pointsSql() {
    return sql;
  }

  List<Object> params() {
    return params;
  }

  int score(double points) {
    return (int) Math.round(100 * points / maxPoints);
  }

  List<String> reasons(Frame frame) {
    List<String> reasons = new ArrayList<>();
    FaceShape face = request.faceShape();
    int fit = (int) Math.round(100 * scoreFor(frame, face));
    String shape = frame.shape().replace('_', '-');
    if (fit >= FrameQuery.SUITS_FACE) {
      reasons.add(
          cap(shape)
              + " frames suit a "
              + face.wire()
              + " face: "
              + WHY.get(face)
              + " (fit "
              + fit
              + "%).");
    } else {
      reasons.add(
          cap(shape)
              + " frames are a less usual choice for a "
              + face.wire()
              + " face (fit "
              + fit
              + "%).");
    }
    Double width = frame.measurements().frameWidthMm();
    if (request.faceWidthMm() != null) {
      if (width == null) {
        reasons.add("The frame width is not known, so fit to your face width is not scored.");
      } else {
        double diff = width - request.faceWidthMm().doubleValue();
        reasons.add(
            Math.abs(diff) <= 2
                ? String.format(
                    Locale.ROOT,
                    "Its %.0f mm width matches your face width of %.0f mm.",
                    width,
                    request.faceWidthMm().doubleValue())
                : String.format(
                    Locale.ROOT,
                    "Its %.0f mm width is %.0f mm %s than your face.",
                    width,
                    Math.abs(diff),
                    diff > 0 ? "wider" : "narrower"));
      }
    }
    if (request.shapes().stream().anyMatch(s -> s.wire().equals(frame.shape()))) {
      reasons.add("It has a shape you prefer (" + shape + ").");
    }
    if (request.materials().stream().anyMatch(m -> m.wire().equals(frame.material()))) {
      reasons.add(
          "It is made of a material you prefer (" + frame.material().replace('_', ' ') + ").");
    }
    if (frame.color() != null && request.colors().contains(FrameStore.key(frame.color()))) {
      reasons.add("It comes in a color you prefer (" + frame.color() + ").");
    }
    return List.copyOf(reasons);
  }

  private static double scoreFor(Frame frame, FaceShape face) {
    var s = frame.faceShapeScores();
    return switch (face) {
      case OVAL -> s.oval();
      case ROUND -> s.round();
      case SQUARE -> s.square();
      case HEART -> s.heart();
      case DIAMOND -> s.diamond();
      case OBLONG -> s.oblong();
    };
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
