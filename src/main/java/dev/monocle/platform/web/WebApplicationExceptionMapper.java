package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * JAX-RS's own refusals (404 no such resource, 405, 406, 415, 400 on a bad parameter) as problem
 * documents with generic details: the framework's messages can name classes, so none is passed on.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    ProblemException problem = ProblemDocument.forStatus(status);
    if (exception instanceof NotAllowedException) {
      String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
      if (allow != null) {
        problem =
            new ProblemException(
                405,
                problem.type(),
                problem.title(),
                problem.detail(),
                List.of(),
                Map.of("Allow", allow));
      }
    }
    return ProblemResponses.of(problem, uri);
  }
}
