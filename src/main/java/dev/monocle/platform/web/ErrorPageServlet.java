package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page: whatever the container itself refuses or fails on (outside JAX-RS) is
 * answered as a problem document too.
 */
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer i ? i : 500;
    ProblemException problem =
        thrown instanceof ProblemException p ? p : ProblemDocument.forStatus(status);
    if (thrown instanceof Throwable t && !(thrown instanceof ProblemException)) {
      LOG.log(Level.SEVERE, "Unhandled failure outside the API", t);
      problem = ProblemDocument.internal();
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    RequestKernelFilter.write(response, problem, uri == null ? "" : uri.toString());
  }
}
