package dev.monocle.platform.console;

import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A page of the admin console. GET shows it; POST makes a change and redirects (post, redirect,
 * get), so a reload never repeats a change. Sign-in, the page's {@code @Allow} rule and the CSRF
 * token are checked before a page runs, by the console gate of the auth module: a page only does
 * its work, through its module's services. A module's refusal (a {@link ProblemException}) is shown
 * on the page with the submitted form, never as a stack trace.
 */
public abstract class ConsolePage extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  /** Renders the page. */
  protected abstract void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException;

  /** Makes the change a form asks for; returns where to go next. Pages without forms keep this. */
  protected Next change(HttpServletRequest request) {
    throw new ProblemException(
        405, "method-not-allowed", "Method not allowed", "Nothing to change.");
  }

  /** Where a change leads, with the message shown there. */
  public record Next(String path, Flash flash) {
    public static Next to(String path, String done) {
      return new Next(path, Flash.done(done));
    }
  }

  /**
   * Refuses a request the console gate did not pass (it marks each one with the viewer): should the
   * gate ever fail to start, the container would skip it, and the pages must not open then.
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (!(request.getAttribute(ConsoleView.ATTRIBUTE) instanceof ConsoleView)) {
      response.sendError(404);
      return;
    }
    super.service(request, response);
  }

  @Override
  protected final void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(Flash.ATTRIBUTE) instanceof Flash flash) {
      session.removeAttribute(Flash.ATTRIBUTE);
      request.setAttribute("flash", flash);
    }
    try {
      show(request, response);
    } catch (ProblemException problem) {
      refused(request, response, problem);
    }
  }

  @Override
  protected final void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Next next;
    try {
      next = change(request);
    } catch (ProblemException problem) {
      // the same page again, with the message and what was typed (never passwords: the pages do
      // not fill those back in)
      response.setStatus(problem.status());
      request.setAttribute("flash", flashOf(problem));
      try {
        show(request, response);
      } catch (ProblemException again) {
        refused(request, response, again);
      }
      return;
    }
    if (next.flash() != null) {
      request.getSession().setAttribute(Flash.ATTRIBUTE, next.flash());
    }
    ConsoleRedirect.to(request, response, next.path());
  }

  /** Forwards to {@code /WEB-INF/admin/<name>.jsp}. */
  protected static void render(
      HttpServletRequest request, HttpServletResponse response, String name)
      throws ServletException, IOException {
    request.getRequestDispatcher("/WEB-INF/admin/" + name + ".jsp").forward(request, response);
  }

  /** The error page: a module refused (404 for what the viewer may not see, 409, ...). */
  private static void refused(
      HttpServletRequest request, HttpServletResponse response, ProblemException problem)
      throws ServletException, IOException {
    response.setStatus(problem.status());
    request.setAttribute("flash", flashOf(problem));
    request.setAttribute("status", problem.status());
    render(request, response, "refused");
  }

  static Flash flashOf(ProblemException problem) {
    List<String> lines = new ArrayList<>();
    for (ProblemException.FieldError e : problem.errors()) {
      lines.add(e.field() + ": " + e.message());
    }
    return Flash.error(problem.title() + ". " + problem.detail(), lines);
  }

  /** The page of a list that the {@code cursor} parameter asks for, of the default size. */
  protected static Page.Request listPage(HttpServletRequest request) {
    return listPage(request, null);
  }

  /** The page of a list that the {@code cursor} parameter asks for, of {@code limit} rows. */
  protected static Page.Request listPage(HttpServletRequest request, Integer limit) {
    return Page.Request.of(limit, field(request, "cursor", 200));
  }

  /** A trimmed form field, null when empty; a 400 when longer than {@code max}. */
  protected static String field(HttpServletRequest request, String name, int max) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.strip();
    if (value.length() > max) {
      throw tooLong(name, max);
    }
    return value;
  }

  /** A field that must be given. */
  protected static String required(HttpServletRequest request, String name, int max) {
    String value = field(request, name, max);
    if (value == null) {
      throw ProblemException.validation(
          List.of(new ProblemException.FieldError(name, "must not be empty")));
    }
    return value;
  }

  /** The checked values of a group of checkboxes (at most {@code maxCount}, each at most 64). */
  protected static List<String> checked(HttpServletRequest request, String name, int maxCount) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return List.of();
    }
    if (values.length > maxCount) {
      throw ProblemException.validation(
          List.of(new ProblemException.FieldError(name, "too many values")));
    }
    for (String v : values) {
      if (v.length() > 64) {
        throw tooLong(name, 64);
      }
    }
    return Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** A whole number field, null when empty; a 400 when not a number in range. */
  protected static Integer number(HttpServletRequest request, String name, int min, int max) {
    String value = field(request, name, 12);
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.validation(
        List.of(
            new ProblemException.FieldError(
                name, "must be a whole number from " + min + " to " + max)));
  }

  /**
   * Checks a request record with the Bean Validation constraints its API resource uses, so the
   * console and the API accept exactly the same input.
   */
  protected static <T> T valid(T body) {
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(body);
    if (!violations.isEmpty()) {
      throw ProblemException.validation(
          violations.stream()
              .map(
                  v ->
                      new ProblemException.FieldError(
                          snakeCase(v.getPropertyPath().toString()), v.getMessage()))
              .sorted(Comparator.comparing(ProblemException.FieldError::field))
              .toList());
    }
    return body;
  }

  private static String snakeCase(String property) {
    return property.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static ProblemException tooLong(String name, int max) {
    return ProblemException.validation(
        List.of(new ProblemException.FieldError(name, "must be at most " + max + " characters")));
  }
}
