package dev.monocle.platform.web;

import dev.monocle.platform.JsonBinding;
import dev.monocle.platform.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A body that does not bind (wrong type, unknown field) is the client's 400; any
 * other failure is a 500 that carries only the request id, while the log keeps the cause.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable exception) {
    ProblemException bodyProblem = bindingProblem(exception);
    if (bodyProblem != null) {
      return ProblemResponses.of(bodyProblem, uri);
    }
    LOG.log(Level.SEVERE, "Unhandled failure", exception);
    return ProblemResponses.of(ProblemDocument.internal(), uri);
  }

  static ProblemException bindingProblem(Throwable exception) {
    boolean reading =
        exception instanceof ProcessingException || exception instanceof JsonbException;
    if (!reading) {
      return null;
    }
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        java.util.Optional<String> unknown = JsonBinding.unknownField(t);
        if (unknown.isPresent()) {
          return new ProblemException(
              400,
              "unknown-field",
              "Invalid request",
              "The request body has a field this endpoint does not accept.",
              List.of(new ProblemException.FieldError(unknown.get(), "unknown field")),
              Map.of());
        }
        return new ProblemException(
            400,
            "unreadable-body",
            "Invalid request",
            "The request body does not have the shape this endpoint expects.");
      }
    }
    return null;
  }
}
