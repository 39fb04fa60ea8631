package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.RequestContext;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Renders RFC 9457 problem documents: {@code type, title, status, detail, instance, request_id} and
 * {@code errors} for validation. Everything that answers an error in Monocle goes through here, so
 * no stack trace, class name, SQL or path can slip into a response.
 */
public final class ProblemDocument {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://monocle.dev/problems/";

  private ProblemDocument() {}

  public static String render(ProblemException problem, String instance) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", TYPE_BASE + problem.type())
            .add("title", problem.title())
            .add("status", problem.status())
            .add("detail", problem.detail())
            .add("instance", instance == null ? "" : instance)
            .add("request_id", RequestContext.requestId().orElse(""));
    List<ProblemException.FieldError> errors = problem.errors();
    if (!errors.isEmpty()) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      errors.forEach(
          e ->
              array.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      json.add("errors", array);
    }
    problem.lists().forEach((member, values) -> json.add(member, Json.createArrayBuilder(values)));
    return json.build().toString();
  }

  /** The headers a problem response carries: its own, and the Bearer challenge on any 401. */
  public static java.util.Map<String, String> headersOf(ProblemException problem) {
    if (problem.status() != 401 || problem.headers().containsKey("WWW-Authenticate")) {
      return problem.headers();
    }
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(problem.headers());
    headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return headers;
  }

  /** The problem a bare HTTP status stands for, when nothing more specific is known. */
  public static ProblemException forStatus(int status) {
    return switch (status) {
      case 400 ->
          new ProblemException(400, "bad-request", "Bad request", "The request is malformed.");
      case 401 -> ProblemException.unauthorized();
      case 403 -> ProblemException.forbidden();
      case 404 -> ProblemException.notFound();
      case 405 ->
          new ProblemException(
              405,
              "method-not-allowed",
              "Method not allowed",
              "This resource does not support the request method.");
      case 406 ->
          new ProblemException(
              406,
              "not-acceptable",
              "Not acceptable",
              "No representation matches the Accept header.");
      case 409 ->
          new ProblemException(
              409, "conflict", "Conflict", "The request conflicts with the current state.");
      case 412 ->
          new ProblemException(
              412,
              "precondition-failed",
              "Precondition failed",
              "The resource changed since you read it (If-Match).");
      case 413 -> payloadTooLarge();
      case 415 ->
          new ProblemException(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "The request body's Content-Type is not accepted here.");
      case 429 ->
          new ProblemException(
              429, "rate-limited", "Too many requests", "Slow down and retry later.");
      case 503 ->
          new ProblemException(503, "unavailable", "Service unavailable", "Try again shortly.");
      default ->
          status >= 500
              ? internal()
              : new ProblemException(
                  status, "client-error", "Request refused", "The request was refused.");
    };
  }

  public static ProblemException payloadTooLarge() {
    return new ProblemException(
        413, "payload-too-large", "Payload too large", "The request body is larger than allowed.");
  }

  public static ProblemException internal() {
    return new ProblemException(
        500,
        "internal",
        "Internal error",
        "Something went wrong on our side. Quote the request id when you report it.");
  }
}
