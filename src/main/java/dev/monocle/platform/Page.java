package dev.monocle.platform;

import jakarta.json.bind.annotation.JsonbNillable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a list: {@code {"items": [...], "next_cursor": "..." | null}}. Cursors are opaque to
 * clients (base64url of the last key seen).
 */
public record Page<T>(List<T> items, @JsonbNillable String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /** A validated {@code ?limit=&cursor=}: 400 for a limit outside 1..100 or a forged cursor. */
  public record Request(int limit, String after) {

    public static Request of(Integer limit, String cursor) {
      int n = limit == null ? DEFAULT_LIMIT : limit;
      if (n < 1 || n > MAX_LIMIT) {
        throw ProblemException.validation(
            List.of(
                new ProblemException.FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
      }
      return new Request(n, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    private static String decode(String cursor) {
      try {
        if (cursor.length() > 1024) {
          throw new IllegalArgumentException("too long");
        }
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (decoded.chars().anyMatch(Character::isISOControl)) {
          throw new IllegalArgumentException("control character");
        }
        return decoded;
      } catch (IllegalArgumentException e) {
        throw ProblemException.validation(
            List.of(new ProblemException.FieldError("cursor", "is not a cursor this API issued")));
      }
    }
  }

  /** Builds a page from up to {@code limit + 1} rows fetched after the cursor. */
  public static <T> Page<T> of(
      List<T> rows, int limit, java.util.function.Function<T, String> key) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), null);
    }
    List<T> items = List.copyOf(rows.subList(0, limit));
    String last = key.apply(items.get(items.size() - 1));
    return new Page<>(
        items,
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
  }
}
