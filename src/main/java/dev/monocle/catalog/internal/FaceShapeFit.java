package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.FrameInput.FaceShapeScores;
import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import java.util.EnumMap;
import java.util.Map;

/**
 * How well a frame suits each face shape, from the optician's rule of contrast: a frame should
 * balance the face, not repeat it. Round faces want angular frames, square faces soft and round
 * ones, heart faces frames wider or lighter at the bottom, diamond faces frames that widen the brow
 * line, oblong faces deep frames that shorten the face; oval faces suit almost anything.
 *
 * <p>Scores are whole percentages. The base comes from {@link #TABLE} by frame shape; the frame's
 * proportions then adjust it (deep lenses, height/width ≥ 0.8: oblong +10, round −5; shallow
 * lenses, ≤ 0.6: oblong −15, round +5), and so does the rim (rimless or semi-rimless: heart +5,
 * diamond +5: a light lower edge). Results are clamped to 0–100. The README shows the same table.
 */
public final class FaceShapeFit {

  /**
   * Base scores, columns in the order of {@link FaceShape}: oval, round, square, heart, diamond,
   * oblong.
   */
  static final Map<Shape, int[]> TABLE = new EnumMap<>(Shape.class);

  static {
    TABLE.put(Shape.ROUND, new int[] {90, 30, 90, 75, 70, 70});
    TABLE.put(Shape.SQUARE, new int[] {85, 90, 30, 60, 65, 70});
    TABLE.put(Shape.RECTANGULAR, new int[] {85, 90, 35, 65, 60, 40});
    TABLE.put(Shape.OVAL, new int[] {90, 45, 85, 80, 85, 70});
    TABLE.put(Shape.AVIATOR, new int[] {90, 70, 80, 90, 70, 80});
    TABLE.put(Shape.CAT_EYE, new int[] {85, 75, 75, 55, 90, 60});
    TABLE.put(Shape.WAYFARER, new int[] {90, 85, 50, 70, 75, 75});
    TABLE.put(Shape.BROWLINE, new int[] {85, 80, 55, 45, 90, 65});
    TABLE.put(Shape.GEOMETRIC, new int[] {80, 85, 45, 65, 75, 60});
    TABLE.put(Shape.OVERSIZED, new int[] {85, 60, 70, 50, 65, 90});
  }

  private FaceShapeFit() {}

  /** Percent scores per face shape for a frame of this shape, rim and measurements. */
  public static Map<FaceShape, Integer> of(Shape shape, String rim, Measurements m) {
    int[] base = TABLE.get(shape).clone();
    if (m != null && m.lensWidthMm() != null && m.lensHeightMm() != null) {
      double depth = m.lensHeightMm() / m.lensWidthMm();
      if (depth >= 0.8) {
        base[FaceShape.OBLONG.ordinal()] += 10;
        base[FaceShape.ROUND.ordinal()] -= 5;
      } else if (depth <= 0.6) {
        base[FaceShape.OBLONG.ordinal()] -= 15;
        base[FaceShape.ROUND.ordinal()] += 5;
      }
    }
    if ("rimless".equals(rim) || "semi_rimless".equals(rim)) {
      base[FaceShape.HEART.ordinal()] += 5;
      base[FaceShape.DIAMOND.ordinal()] += 5;
    }
    Map<FaceShape, Integer> scores = new EnumMap<>(FaceShape.class);
    for (FaceShape face : FaceShape.values()) {
      scores.put(face, Math.max(0, Math.min(100, base[face.ordinal()])));
    }
    return scores;
  }

  /** Scores a client gave (0–1) as whole percentages. */
  public static Map<FaceShape, Integer> given(FaceShapeScores s) {
    Map<FaceShape, Integer> scores = new EnumMap<>(FaceShape.class);
    scores.put(FaceShape.OVAL, percent(s.oval()));
    scores.put(FaceShape.ROUND, percent(s.round()));
    scores.put(FaceShape.SQUARE, percent(s.square()));
    scores.put(FaceShape.HEART, percent(s.heart()));
    scores.put(FaceShape.DIAMOND, percent(s.diamond()));
    scores.put(FaceShape.OBLONG, percent(s.oblong()));
    return scores;
  }

  /** Percentages back into the 0–1 scores of the API. */
  public static FaceShapeScores toScores(Map<FaceShape, Integer> p) {
    return new FaceShapeScores(
        p.get(FaceShape.OVAL) / 100.0,
        p.get(FaceShape.ROUND) / 100.0,
        p.get(FaceShape.SQUARE) / 100.0,
        p.get(FaceShape.HEART) / 100.0,
        p.get(FaceShape.DIAMOND) / 100.0,
        p.get(FaceShape.OBLONG) / 100.0);
  }

  private static int percent(double score) {
    return (int) Math.round(score * 100);
  }
}
