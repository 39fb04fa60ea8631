package dev.monocle.catalog.internal;

import java.util.List;

/**
 * How frame sizes relate to faces: the size bands of the contract by total frame width, with the
 * face widths they usually fit, and how to read the three numbers printed on a temple.
 */
public record SizeGuide(List<Band> sizes, String measuring, String fit) {

  public SizeGuide {
    sizes = List.copyOf(sizes);
  }

  /** One size band; widths in millimetres, {@code max} exclusive and absent for the largest. */
  public record Band(
      String size, Integer minFrameWidthMm, Integer maxFrameWidthMm, String typicalFaceWidth) {}

  public static final SizeGuide STANDARD =
      new SizeGuide(
          List.of(
              new Band("XS", null, 130, "narrow faces and children, under 128 mm"),
              new Band("S", 130, 135, "128–133 mm"),
              new Band("M", 135, 140, "133–138 mm"),
              new Band("L", 140, 145, "138–143 mm"),
              new Band("XL", 145, null, "wide faces, over 143 mm")),
          "The temple shows lens width, bridge width and temple length in mm (e.g. 52-18-140);"
              + " the total frame width is about twice the lens width plus the bridge plus 6-10 mm"
              + " of frame front.",
          "A frame fits when its total width is within a few millimetres of the face width"
              + " (temple to temple), the eyes sit near the horizontal centre of the lenses and"
              + " the temples reach the ears without pressing.");
}
