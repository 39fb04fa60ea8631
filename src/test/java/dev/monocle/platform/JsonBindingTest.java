package dev.monocle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

/** Monocle's JSON-B: unknown fields refused, integers never silently changed. */
class JsonBindingTest {

  public record Body(Integer count, String name) {}

  private static Body bind(String json) {
    return JsonBinding.jsonb().fromJson(json, Body.class);
  }

  @Test
  void wholeNumbersBindAndEverythingElseIsRefused() {
    assertEquals(5, bind("{\"count\":5}").count());
    assertEquals(-7, bind("{\"count\":-7.0}").count(), "7.0 is a whole number");
    assertNull(bind("{\"count\":null}").count());
    assertNull(bind("{\"name\":\"x\"}").count());
    for (String bad : new String[] {"4294967297", "2.9", "1e10", "\"2.5\"", "true"}) {
      assertThrows(JsonbException.class, () -> bind("{\"count\":" + bad + "}"), bad);
    }
    JsonbException unknown =
        assertThrows(JsonbException.class, () -> bind("{\"count\":1,\"tenant\":\"x\"}"));
    assertEquals("tenant", JsonBinding.unknownField(unknown).orElseThrow());
  }
}
