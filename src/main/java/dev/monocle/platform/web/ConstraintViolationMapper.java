package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures as a 400 problem with one {@code {field, message}} per violation. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return ProblemResponses.of(ProblemException.validation(errors), uri);
  }

  /** The JSON name of the violated property: the path below the method parameter, snake_case. */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        field.setLength(0);
        continue;
      }
      if (node.getName() == null) {
        continue;
      }
      if (!field.isEmpty()) {
        field.append('.');
      }
      field.append(snakeCase(node.getName()));
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }

  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
