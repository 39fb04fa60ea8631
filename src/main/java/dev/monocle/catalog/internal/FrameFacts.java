package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.Frame.Quality;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.catalog.internal.Vocabulary.Size;
import java.util.Map;

/**
 * What Monocle derives from a valid frame: its size, its face-shape scores (given, or from {@link
 * FaceShapeFit}), its {@link FrameQuality} and the words free-text search matches.
 */
record FrameFacts(
    Size size, Map<FaceShape, Integer> fit, boolean fitGiven, Quality quality, String searchText) {

  static FrameFacts of(FrameInput f) {
    Double width = f.measurements() == null ? null : f.measurements().frameWidthMm();
    boolean given = f.faceShapeScores() != null;
    Map<FaceShape, Integer> fit =
        given
            ? FaceShapeFit.given(f.faceShapeScores())
            : FaceShapeFit.of(
                Vocabulary.parse(Shape.class, f.shape()).orElseThrow(), f.rim(), f.measurements());
    String tags = f.tags() == null ? "" : String.join(" ", f.tags());
    return new FrameFacts(
        width == null ? null : Size.ofFrameWidth(width),
        fit,
        given,
        FrameQuality.of(f),
        SearchWords.document(f.name(), f.brand(), f.model(), f.description(), tags));
  }
}
