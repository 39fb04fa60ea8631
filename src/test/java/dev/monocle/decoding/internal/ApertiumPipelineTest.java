package dev.monocle.decoding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tag check that keeps one caller's answer from reaching another in a shared pipeline. */
class ApertiumPipelineTest {

  @Test
  void anAnswerCarriesExactlyOneTag() {
    assertEquals(0, ApertiumPipeline.onlyTag("[=5] Veo los vasos."));
    assertEquals(4, ApertiumPipeline.onlyTag("Veo [=5]los vasos."));
    assertEquals(-1, ApertiumPipeline.onlyTag("Veo los vasos."), "no tag");
  }

  @Test
  void twoSegmentsComingBackAsOneAreRefused() {
    assertEquals(-1, ApertiumPipeline.onlyTag("[=5] Veo. [=6] Hola."));
    // the first segment's text ends in a backslash (escaped as two): the second tag still counts
    assertEquals(-1, ApertiumPipeline.onlyTag("[=5] a\\\\[=6] b"));
  }

  @Test
  void escapedBracketsInTheTextAreNotTags() {
    String text = StreamFormat.encode("[=6] looks like a tag \\[=7]").stream();
    assertEquals(0, ApertiumPipeline.onlyTag("[=5]" + text));
  }
}
