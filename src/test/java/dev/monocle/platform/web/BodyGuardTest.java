package dev.monocle.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monocle.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyGuardTest {

  private static ProblemException refused(byte[] body) {
    return assertThrows(ProblemException.class, () -> BodyGuard.checkJson(body));
  }

  private static ProblemException refused(String body) {
    return refused(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void wellFormedJsonPasses() {
    assertDoesNotThrow(
        () ->
            BodyGuard.checkJson(
                "{\"a\":[1,2,{\"b\":\"ü 😀\"}],\"c\":null}".getBytes(StandardCharsets.UTF_8)));
    assertDoesNotThrow(() -> BodyGuard.checkJson(new byte[0]));
  }

  @Test
  void malformedJsonIs400WithAPosition() {
    ProblemException problem = refused("{\"a\":");
    assertEquals(400, problem.status());
    assertEquals("malformed-json", problem.type());
    assertEquals(true, problem.detail().contains("line 1"));
  }

  @Test
  void invalidUtf8Is400() {
    ProblemException problem =
        refused(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'});
    assertEquals("invalid-encoding", problem.type());
    assertEquals(
        "invalid-encoding",
        refused(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}).type());
  }

  @Test
  void nestingBeyondTheLimitIs400() {
    String ok = "[".repeat(BodyGuard.MAX_DEPTH) + "]".repeat(BodyGuard.MAX_DEPTH);
    assertDoesNotThrow(() -> BodyGuard.checkJson(ok.getBytes(StandardCharsets.UTF_8)));
    String deep = "[".repeat(BodyGuard.MAX_DEPTH + 1) + "]".repeat(BodyGuard.MAX_DEPTH + 1);
    assertEquals("too-deep", refused(deep).type());
    assertEquals("too-deep", refused("[".repeat(100_000)).type());
  }

  @Test
  void duplicateFieldsAreRefusedAndNamed() {
    ProblemException problem = refused("{\"role\":\"viewer\",\"role\":\"platform_admin\"}");
    assertEquals("duplicate-field", problem.type());
    assertEquals("role", problem.errors().get(0).field());
    assertDoesNotThrow(
        () -> BodyGuard.checkJson("[{\"a\":1},{\"a\":2}]".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void trailingGarbageIsRefused() {
    assertEquals(400, refused("{} x").status());
  }
}
