package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.Frame.Localized;
import dev.monocle.platform.JsonBinding;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON columns of a frame (images, tags, translations), read on every search row. One JSON-P
 * provider is looked up once: {@code Json.createReader} searches the class path for a provider on
 * every call, which cost more than the parsing.
 */
final class JsonColumns {

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Type LOCALIZED =
      new TreeMap<String, Localized>() {}.getClass().getGenericSuperclass();

  private JsonColumns() {}

  static String write(Object value) {
    return JsonBinding.jsonb().toJson(value);
  }

  static List<String> strings(String json) {
    if (json == null || json.equals("[]")) {
      return List.of();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonArray array = reader.readArray();
      return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
  }

  static Map<String, Localized> localized(String json) {
    if (json == null || json.equals("{}")) {
      return Map.of();
    }
    Map<String, Localized> map = JsonBinding.jsonb().fromJson(json, LOCALIZED);
    return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
