package dev.monocle.platform;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency on the wire: a resource's version is its strong {@code ETag}, and a write
 * that sends {@code If-Match} with another version fails with 412 instead of overwriting a change
 * the client has not seen.
 */
public final class ETags {

  private ETags() {}

  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version named by {@code If-Match}; null when the header is absent (412 if unreadable). */
  public static Long parse(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String value = ifMatch.trim();
    if (value.equals("*")) {
      return null; // any current version (RFC 9110)
    }
    if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw preconditionFailed();
    }
  }

  /** 412 unless the client's {@code If-Match} version (if it sent one) is the current one. */
  public static void requireMatch(Long ifMatch, long current) {
    if (ifMatch != null && ifMatch != current) {
      throw preconditionFailed();
    }
  }

  public static ProblemException preconditionFailed() {
    return new ProblemException(
        412,
        "precondition-failed",
        "Precondition failed",
        "The resource changed since you read it (If-Match).");
  }
}
