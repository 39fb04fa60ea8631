package dev.monocle.platform;

import java.util.List;
import java.util.Map;

/**
 * An error a client can act on, rendered as an RFC 9457 problem document by the platform: a {@code
 * type} slug (e.g. {@code invalid-grant}), title, status, a detail safe to show, optional field
 * errors and extra headers ({@code Retry-After}, {@code WWW-Authenticate}). Modules throw it; they
 * never build error responses themselves.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;
  private final transient Map<String, List<String>> lists;

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of(), Map.of());
  }

  public ProblemException(
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers) {
    this(status, type, title, detail, errors, headers, Map.of());
  }

  private ProblemException(
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers,
      Map<String, List<String>> lists) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
    this.lists = Map.copyOf(lists);
  }

  /**
   * This problem with one more member holding a list of texts a client can act on (e.g. {@code
   * supported_pairs} of a 422), rendered beside the standard members.
   */
  public ProblemException with(String member, List<String> values) {
    var more = new java.util.LinkedHashMap<>(lists);
    more.put(member, List.copyOf(values));
    return new ProblemException(status, type, title, getMessage(), errors, headers, more);
  }

  /** The extra members added by {@link #with}. */
  public Map<String, List<String>> lists() {
    return lists;
  }

  /** 401: missing or invalid credentials (the platform adds {@code WWW-Authenticate}). */
  public static ProblemException unauthorized() {
    return new ProblemException(
        401, "unauthorized", "Unauthorized", "Missing or invalid credentials.");
  }

  /** 403: authenticated, but not allowed. */
  public static ProblemException forbidden() {
    return new ProblemException(403, "forbidden", "Forbidden", "You are not allowed to do this.");
  }

  /** 404: nothing here, or another tenant's object (whose existence is not revealed). */
  public static ProblemException notFound() {
    return new ProblemException(404, "not-found", "Not found", "No resource at this address.");
  }

  /** 409: the request clashes with what is stored (a taken name), naming the field. */
  public static ProblemException conflict(String detail, FieldError field) {
    return new ProblemException(409, "conflict", "Conflict", detail, List.of(field), Map.of());
  }

  /** 409: the request clashes with the state of the system (work already in progress). */
  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "conflict", "Conflict", detail, List.of(), Map.of());
  }

  /** 400 with one entry per invalid field. */
  public static ProblemException validation(List<FieldError> errors) {
    return new ProblemException(
        400, "validation", "Invalid request", "One or more fields are invalid.", errors, Map.of());
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** A field that failed validation, named as in the JSON body ({@code snake_case}). */
  public record FieldError(String field, String message) {}
}
