package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Problems thrown by modules, as they are. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ProblemException problem) {
    return ProblemResponses.of(problem, uri);
  }
}
