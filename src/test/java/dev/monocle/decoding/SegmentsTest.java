package dev.monocle.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monocle.platform.ProblemException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentsTest {

  private static List<String> fields(Runnable call) {
    ProblemException problem = assertThrows(ProblemException.class, call::run);
    assertEquals(400, problem.status());
    return problem.errors().stream().map(ProblemException.FieldError::field).toList();
  }

  @Test
  void theContractsLimitsCountCodePoints() {
    assertEquals(
        new LanguagePair("en", "es"), Segments.check("en", "es", List.of("😀".repeat(5_000))));
    assertEquals(
        List.of("segments[0]"),
        fields(() -> Segments.check("en", "es", List.of("x".repeat(5_001)))));
    assertEquals(
        List.of("segments"),
        fields(() -> Segments.check("en", "es", Collections.nCopies(101, "x"))));
    assertEquals(
        List.of("segments"),
        fields(() -> Segments.check("en", "es", Collections.nCopies(11, "x".repeat(4_600)))));
    assertEquals(List.of("segments"), fields(() -> Segments.check("en", "es", List.of())));
    assertEquals(
        List.of("segments[1]"), fields(() -> Segments.check("en", "es", Arrays.asList("a", null))));
    assertEquals(
        List.of("source", "target"), fields(() -> Segments.check("EN", "e s", List.of("x"))));
    assertEquals(List.of("target"), fields(() -> Segments.check("en", "en", List.of("x"))));
    assertEquals(
        List.of("segments[1]"),
        fields(() -> Segments.check("en", "es", List.of("ok 😀", "lone \ud800 half"))));
  }

  private static jakarta.json.JsonValue json(String text) {
    return jakarta.json.Json.createReader(new java.io.StringReader(text)).readValue();
  }

  @Test
  void bodiesAreReadWithJsonsOwnTypes() {
    Segments.Request ok =
        Segments.read(json("{\"source\":\"en\",\"target\":\"es\",\"text\":\"hi\"}"), true);
    assertEquals(List.of("hi"), ok.segments());
    assertEquals(true, ok.single());
    assertEquals(
        List.of("segments[0]", "segments[2]"),
        fields(
            () ->
                Segments.read(
                    json("{\"source\":\"en\",\"target\":\"es\",\"segments\":[1,\"a\",true]}"),
                    true)));
    assertEquals(
        List.of("text"),
        fields(
            () -> Segments.read(json("{\"source\":\"en\",\"target\":\"es\",\"text\":7}"), true)));
    assertEquals(
        List.of("text", "segments"),
        fields(
            () ->
                Segments.read(
                    json("{\"source\":\"en\",\"target\":\"es\",\"text\":\"x\"}"), false)));
    assertEquals(
        List.of("node"),
        fields(
            () ->
                Segments.read(
                    json("{\"source\":\"en\",\"target\":\"es\",\"segments\":[],\"node\":1}"),
                    true)));
    assertEquals(List.of("segments"), fields(() -> Segments.read(json("[1]"), true)));
    assertEquals(
        List.of("source"),
        fields(
            () ->
                Segments.read(
                    json("{\"source\":5,\"target\":\"es\",\"segments\":[\"x\"]}"), true)));
  }

  @Test
  void unsupportedPairsListWhatIsServed() {
    ProblemException problem =
        Segments.unsupported(
            new LanguagePair("en", "de"),
            Set.of(new LanguagePair("es", "en"), new LanguagePair("en", "es")));
    assertEquals(422, problem.status());
    assertEquals(List.of("en-es", "es-en"), problem.lists().get("supported_pairs"));
    assertEquals(
        "5", Segments.unavailable(new LanguagePair("en", "es")).headers().get("Retry-After"));
  }

  @Test
  void apyLangpairsTakeBothCodeStyles() {
    assertEquals(new LanguagePair("en", "es"), LanguagePair.fromApy("eng|spa"));
    assertEquals(new LanguagePair("fr", "es"), LanguagePair.fromApy("fr|es"));
    assertEquals(null, LanguagePair.fromApy("en-es"));
    assertEquals(null, LanguagePair.fromApy("eng_US|spa"));
    assertEquals(null, LanguagePair.fromApy("en|en"));
  }
}
