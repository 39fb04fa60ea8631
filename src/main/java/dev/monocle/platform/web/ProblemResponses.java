package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns a {@link ProblemException} into a JAX-RS response; the mappers share it. */
final class ProblemResponses {

  private ProblemResponses() {}

  static Response of(ProblemException problem, UriInfo uri) {
    Response.ResponseBuilder response =
        Response.status(problem.status())
            .type(ProblemDocument.MEDIA_TYPE)
            .entity(ProblemDocument.render(problem, uri == null ? "" : "/" + uri.getPath()));
    ProblemDocument.headersOf(problem).forEach(response::header);
    return response.build();
  }
}
