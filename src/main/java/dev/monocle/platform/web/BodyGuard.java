package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.StrictUtf8;
import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON request body before any resource sees it: strict UTF-8, well-formed JSON, at most
 * {@value #MAX_DEPTH} levels deep, no duplicate field names (which different parsers resolve
 * differently). A failure is a 400 problem that says what is wrong and where, never how.
 */
public final class BodyGuard {

  static final int MAX_DEPTH = 32;

  private BodyGuard() {}

  /** Throws a 400 {@link ProblemException} when {@code body} is not acceptable JSON. */
  public static void checkJson(byte[] body) {
    String text = StrictUtf8.decode(body);
    if (text.isBlank()) {
      return;
    }
    Deque<Set<String>> objects = new ArrayDeque<>();
    int depth = 0;
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            depth++;
            if (depth > MAX_DEPTH) {
              throw bad(
                  "too-deep",
                  "The request body is nested more than " + MAX_DEPTH + " levels deep.");
            }
            objects.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            objects.pop();
          }
          case KEY_NAME -> {
            String key = parser.getString();
            if (!objects.peek().add(key)) {
              throw new ProblemException(
                  400,
                  "duplicate-field",
                  "Malformed JSON",
                  "A field appears twice in the same object.",
                  List.of(new ProblemException.FieldError(shorten(key), "appears more than once")),
                  Map.of());
            }
          }
          default -> {}
        }
      }
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null
              ? ""
              : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
      throw bad("malformed-json", "The request body is not well-formed JSON" + where + ".");
    } catch (jakarta.json.JsonException e) {
      throw bad("malformed-json", "The request body is not well-formed JSON.");
    }
  }

  private static String shorten(String key) {
    return key.length() <= 64 ? key : key.substring(0, 64) + "…";
  }

  private static ProblemException bad(String type, String detail) {
    return new ProblemException(400, type, "Malformed request body", detail);
  }
}
