package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.Frame.Localized;
import dev.monocle.platform.JsonBinding;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON columns of a frame (images, tags, translations), read on every search row with one
 * JSON-P provider looked up once: {@code Json.createReader} searches the class path for a provider
 * on every call unless the JVM names one, which cost more than the parsing.
 */
final class JsonColumns {

  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonColumns() {}

  static String write(Object value) {
    return JsonBinding.jsonb().toJson(value);
  }

  static List<String> strings(String json) {
    if (json == null || json.equals("[]")) {
      return List.of();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }

  static Map<String, Localized> localized(String json) {
    if (json == null || json.equals("{}")) {
      return Map.of();
    }
    Map<String, Localized> localized = new TreeMap<>();
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      for (Map.Entry<String, JsonValue> e : reader.readObject().entrySet()) {
        JsonObject text = e.getValue().asJsonObject();
        localized.put(
            e.getKey(),
            new Localized(
                text.getString("name", null),
                text.getString("description", null),
                text.getBoolean("machine_translated", false)));
      }
    }
    return localized;
  }
}
