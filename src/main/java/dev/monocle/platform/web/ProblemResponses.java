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
    problem.headers().forEach(response::header);
    if (problem.status() == 401 && !problem.headers().containsKey("WWW-Authenticate")) {
      response.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    return response.build();
  }
}
