package dev.monocle.auth.web;

import dev.monocle.platform.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Versions as strong ETags, and {@code If-Match} back into a version (412 if unreadable). */
final class ETags {

  private ETags() {}

  static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  static Long parse(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String value = ifMatch.trim();
    if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ProblemException(
          412,
          "precondition-failed",
          "Precondition failed",
          "The resource changed since you read it (If-Match).");
    }
  }
}
