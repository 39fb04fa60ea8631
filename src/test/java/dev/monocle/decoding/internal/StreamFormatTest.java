package dev.monocle.decoding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFormatTest {

  private static String roundTrip(String text) {
    StreamFormat.Encoded encoded = StreamFormat.encode(text);
    return StreamFormat.decode(encoded.stream(), encoded.lifted());
  }

  @Test
  void reservedCharactersAreEscaped() {
    assertEquals(
        "a \\[b\\] \\^c\\$ \\/ \\\\ \\<d\\> \\{e\\} \\@f #*",
        StreamFormat.encode("a [b] ^c$ / \\ <d> {e} @f #*").stream());
  }

  @Test
  void unsafeRunsAreLiftedIntoPlaceholders() {
    StreamFormat.Encoded encoded = StreamFormat.encode("a\u0000\u0001b\nc\ud83d\ude00d\udc00");
    assertEquals("a[#0]b[#1]c\ud83d\ude00d[#2]", encoded.stream());
    assertEquals(List.of("\u0000\u0001", "\n", "\udc00"), encoded.lifted());
    assertFalse(encoded.stream().chars().anyMatch(Character::isISOControl));
  }

  @Test
  void everythingRoundTrips() {
    for (String text :
        List.of(
            "",
            "plain",
            "[#0]",
            "\\[#0\\]",
            "[",
            "]",
            "\\",
            "^$",
            "a\u0000b",
            "\n\n",
            "[=1] tag lookalike",
            "😀👓",
            "\ud800",
            "x\u2028y\u2029z\ufeff")) {
      assertEquals(text, roundTrip(text), text);
    }
  }

  @Test
  void decodingOpensSuperblanksAndDropsUnitMarks() {
    assertEquals("a\nb c", StreamFormat.decode("a[#0]b [c]", List.of("\n")));
    assertEquals("dog", StreamFormat.decode("^dog$", List.of()));
    assertEquals("x[#9]y", StreamFormat.decode("x[\\[#9\\]]y", List.of()));
  }
}
