package dev.monocle.catalog.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Merge-patch bodies, which the catalog reads itself as JSON objects. */
final class JsonBodies {

  private JsonBodies() {}

  static JsonObject object(String body) {
    try {
      JsonValue value = Json.createReader(new StringReader(body == null ? "" : body)).readValue();
      if (value.getValueType() == JsonValue.ValueType.OBJECT) {
        return value.asJsonObject();
      }
    } catch (JsonException | NumberFormatException | UnsupportedOperationException e) {
      // reported below (Parsson refuses numbers it cannot represent with the last two)
    }
    throw ProblemException.validation(
        List.of(new FieldError("body", "must be a JSON object (a merge patch)")));
  }
}
