package dev.monocle.auth.web;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.AccessDecision;
import dev.monocle.auth.internal.ConsoleSessions;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.auth.internal.RandomTokens;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Public;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.ConsoleRedirect;
import dev.monocle.platform.console.ConsoleView;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every request to the admin console passes here, and only here are its rules checked: the page's
 * {@code @Public} or {@code @Allow} rule (a page without one is not found: deny by default), the
 * signed-in console session and the Auth session behind it, the 15-minute idle and 12-hour absolute
 * limits, and the CSRF token of every POST. Decisions are audited like the API's.
 */
public class ConsoleGate extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String CSRF = "dev.monocle.console.csrf";
  static final String CSRF_FIELD = "csrf";

  /** A page's rule, its first path and the pattern that names it in audit events. */
  private record Rule(boolean open, Allow allow, String path) {}

  private transient Map<String, Rule> rules;
  private transient ConsoleSessions sessions;
  private transient CurrentCaller current;
  private transient AuditTrail audit;
  private transient Clock clock;
  private Duration absolute;

  @Override
  public void init() {
    var config = ConfigProvider.getConfig();
    absolute =
        Duration.ofSeconds(
            config
                .getOptionalValue("monocle.console.absolute-seconds", Long.class)
                .orElse(12 * 3600L));
    sessions = CDI.current().select(ConsoleSessions.class).get();
    current = CDI.current().select(CurrentCaller.class).get();
    audit = CDI.current().select(AuditTrail.class).get();
    clock = CDI.current().select(Clock.class).get();
    rules = new HashMap<>();
    for (ServletRegistration page : getServletContext().getServletRegistrations().values()) {
      rule(page).ifPresent(r -> rules.put(page.getName(), r));
    }
  }

  private static Optional<Rule> rule(ServletRegistration registration) {
    if (registration.getClassName() == null) {
      return Optional.empty(); // a JSP view: reached by forwards only
    }
    Class<?> type;
    try {
      type =
          Class.forName(
              registration.getClassName(), false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    if (!ConsolePage.class.isAssignableFrom(type) || registration.getMappings().isEmpty()) {
      return Optional.empty();
    }
    String path = registration.getMappings().stream().sorted().findFirst().orElseThrow();
    boolean open = type.isAnnotationPresent(Public.class);
    Allow allow = type.getAnnotation(Allow.class);
    return open || allow != null ? Optional.of(new Rule(open, allow, path)) : Optional.empty();
  }

  @Override
  protected void doFilter(
      HttpServletRequest original, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = new StrictSessionCookie(original, response);
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.startsWith("/admin/static/") && "GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (path.equals("/admin") || path.equals("/admin/")) {
      ConsoleRedirect.to(request, response, "/admin/dashboard");
      return;
    }
    Rule rule = rules.get(request.getHttpServletMapping().getServletName());
    if (rule == null) {
      refuse(request, response, 404, null);
      return;
    }
    HttpSession session = request.getSession(false);
    ConsoleSession signedIn =
        session != null
                && session.getAttribute(ConsoleSession.ATTRIBUTE) instanceof ConsoleSession s
            ? s
            : null;
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      if (!"POST".equals(request.getMethod())) {
        response.setHeader("Allow", "GET, HEAD, POST");
        refuse(request, response, 405, null);
        return;
      }
      if (!csrfMatches(request, session)) {
        audit.record(
            AuditEvent.denied(
                "authz.decision",
                signedIn == null ? Actor.ANONYMOUS : Actor.user(signedIn.userId()),
                null,
                Target.of("page", rule.path()),
                "console form without its CSRF token"));
        refuse(request, response, 403, "csrf");
        return;
      }
    }
    if (rule.open()) {
      request.setAttribute(
          ConsoleView.ATTRIBUTE,
          new ConsoleView(null, null, List.of(), csrfToken(request.getSession()), Map.of()));
      chain.doFilter(request, response);
      return;
    }
    Optional<Caller> caller = signedIn == null ? Optional.empty() : liveCaller(session, signedIn);
    if (caller.isEmpty()) {
      String to = signedIn == null ? "/admin/sign-in" : "/admin/sign-in?ended";
      ConsoleRedirect.to(request, response, to);
      return;
    }
    Caller who = caller.get();
    request.setAttribute(ConsoleView.ATTRIBUTE, view(who, session));
    Optional<String> denial = AccessDecision.denial(rule.allow(), who);
    if (denial.isPresent() || !ConsoleSessions.opensConsole(who)) {
      audit.record(
          AuditEvent.denied(
              "authz.decision",
              who.actor(),
              who.tenantId(),
              Target.of("page", rule.path()),
              denial.orElse("role does not open the console")));
      refuse(request, response, 403, null);
      return;
    }
    current.set(who);
    chain.doFilter(request, response);
  }

  /** The caller while both the console session and its Auth session last; else it is ended. */
  private Optional<Caller> liveCaller(HttpSession session, ConsoleSession signedIn) {
    Instant now = clock.instant();
    Optional<Caller> caller =
        now.isBefore(signedIn.signedInAt().plus(absolute))
            ? sessions.caller(signedIn.authSessionId())
            : Optional.empty();
    if (caller.isEmpty()) {
      session.invalidate();
    }
    return caller;
  }

  private ConsoleView view(Caller who, HttpSession session) {
    Map<String, Boolean> may = new LinkedHashMap<>();
    for (Rule r : rules.values()) {
      if (!r.open()) {
        may.put(r.path(), AccessDecision.denial(r.allow(), who).isEmpty());
      }
    }
    return new ConsoleView(
        who.name(),
        who.tenantSlug(),
        who.roles().stream().map(r -> r.wireName()).sorted().toList(),
        csrfToken(session),
        may);
  }

  /** The session's CSRF token, made on first use (a new session after sign-in gets a new one). */
  static String csrfToken(HttpSession session) {
    Object token = session.getAttribute(CSRF);
    if (token instanceof String s) {
      return s;
    }
    String fresh = RandomTokens.urlSafe(32);
    session.setAttribute(CSRF, fresh);
    return fresh;
  }

  private static boolean csrfMatches(HttpServletRequest request, HttpSession session) {
    if (session == null || !(session.getAttribute(CSRF) instanceof String expected)) {
      return false;
    }
    String given = request.getParameter(CSRF_FIELD);
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Marks the console's session cookie {@code SameSite=Strict} whenever the container issues it (a
   * new session, a new id after sign-in): Payara ignores the attribute in web.xml's cookie-config,
   * and writes the cookie itself, past any response wrapper, so the header is amended after it.
   */
  static final class StrictSessionCookie extends HttpServletRequestWrapper {

    private final HttpServletResponse response;

    StrictSessionCookie(HttpServletRequest request, HttpServletResponse response) {
      super(request);
      this.response = response;
    }

    @Override
    public HttpSession getSession() {
      return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
      HttpSession session = super.getSession(create);
      strict();
      return session;
    }

    @Override
    public String changeSessionId() {
      String id = super.changeSessionId();
      strict();
      return id;
    }

    private void strict() {
      if (response.isCommitted()) {
        return;
      }
      String name = getServletContext().getSessionCookieConfig().getName();
      List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
      if (cookies.stream().noneMatch(c -> isBare(c, name))) {
        return;
      }
      boolean first = true;
      for (String cookie : cookies) {
        String value = isBare(cookie, name) ? cookie + "; SameSite=Strict" : cookie;
        if (first) {
          response.setHeader("Set-Cookie", value);
          first = false;
        } else {
          response.addHeader("Set-Cookie", value);
        }
      }
    }

    private static boolean isBare(String cookie, String name) {
      return cookie.startsWith(name + "=")
          && !cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite");
    }
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String reason)
      throws ServletException, IOException {
    response.setStatus(status);
    request.setAttribute("status", status);
    request.setAttribute("reason", reason);
    request.getRequestDispatcher("/WEB-INF/admin/refused.jsp").forward(request, response);
  }
}
