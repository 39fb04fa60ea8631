package dev.monocle.auth.web;

import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.ConsoleSessions;
import dev.monocle.auth.internal.Logins;
import dev.monocle.auth.internal.SessionStore.Grant;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.RequestContext;
import dev.monocle.platform.access.Public;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.ConsoleRedirect;
import dev.monocle.platform.console.Flash;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in to the console: password, then a TOTP or recovery code, or, for an admin without MFA,
 * enrollment with the QR code first. The same {@link Logins} as the API does the work, so lockout,
 * per-address limits and audit events are the API's. The MFA token stays in the server-side
 * session; the browser only ever holds the session cookie, renewed at each step.
 */
@Public
@WebServlet(urlPatterns = {"/admin/sign-in", "/admin/sign-in/code", "/admin/sign-in/enroll"})
public class ConsoleSignIn extends ConsolePage {

  private static final long serialVersionUID = 1L;
  static final String STEP = "dev.monocle.console.sign-in-step";

  /** Between password and sign-in: which step comes next and what it needs. */
  public record Step(
      String next,
      String mfaToken,
      String userId,
      String passwordSessionId,
      String secret,
      String otpauthUri,
      String qrPngBase64)
      implements Serializable {

    Step enrolling(Logins.Enrollment e) {
      return new Step(
          next, mfaToken, userId, passwordSessionId, e.secret(), e.otpauthUri(), e.qrPngBase64());
    }
  }

  @Inject transient Logins logins;
  @Inject transient ConsoleSessions sessions;
  @Inject transient Clock clock; // the gate measures the absolute limit with the same clock

  @Inject
  @ConfigProperty(name = "monocle.console.idle-seconds", defaultValue = "900")
  transient int idleSeconds;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    HttpSession session = request.getSession();
    Step step = session.getAttribute(STEP) instanceof Step s ? s : null;
    switch (request.getServletPath()) {
      case "/admin/sign-in/code" -> {
        if (step == null || !"code".equals(step.next())) {
          ConsoleRedirect.to(request, response, "/admin/sign-in");
          return;
        }
        render(request, response, "sign-in-code");
      }
      case "/admin/sign-in/enroll" -> {
        if (step == null || !"enroll".equals(step.next())) {
          ConsoleRedirect.to(request, response, "/admin/sign-in");
          return;
        }
        if (step.secret() == null) {
          step =
              step.enrolling(
                  logins.beginEnrollment(
                      step.mfaToken(), step.mfaToken() == null ? step.userId() : null));
          session.setAttribute(STEP, step);
        }
        request.setAttribute("enrollment", step);
        render(request, response, "sign-in-enroll");
      }
      default -> {
        if (session.getAttribute(ConsoleSession.ATTRIBUTE) != null) {
          ConsoleRedirect.to(request, response, "/admin/dashboard");
          return;
        }
        request.setAttribute("ended", request.getParameter("ended") != null);
        render(request, response, "sign-in");
      }
    }
  }

  @Override
  protected Next change(HttpServletRequest request) {
    HttpSession session = request.getSession();
    Step step = session.getAttribute(STEP) instanceof Step s ? s : null;
    return switch (request.getServletPath()) {
      case "/admin/sign-in/code" -> code(request, requireStep(step, "code"));
      case "/admin/sign-in/enroll" -> enroll(request, requireStep(step, "enroll"));
      default -> password(request);
    };
  }

  private Next password(HttpServletRequest request) {
    String tenant = field(request, "tenant", 64);
    AuthRequests.Login login =
        valid(
            new AuthRequests.Login(
                tenant == null ? Caller.PLATFORM_TENANT : tenant,
                field(request, "username", 64),
                field(request, "password", 1024)));
    String address =
        RequestContext.current().map(RequestContext.Current::clientAddress).orElse("unknown");
    Logins.LoginResult result =
        logins.login(login.tenant(), login.username(), login.password(), address);
    HttpSession session = request.getSession();
    request.changeSessionId();
    if (result instanceof Logins.MfaRequired mfa) {
      session.setAttribute(STEP, new Step("code", mfa.mfaToken(), null, null, null, null, null));
      return new Next("/admin/sign-in/code", null);
    }
    if (result instanceof Logins.EnrollmentRequired enroll) {
      session.setAttribute(
          STEP, new Step("enroll", enroll.mfaToken(), null, null, null, null, null));
      return new Next("/admin/sign-in/enroll", null);
    }
    // a user without MFA: the console wants a second factor from everyone it lets in, so an
    // auditor enrolls now, signed in by password alone for this step only
    Grant grant = ((Logins.Granted) result).grant();
    Caller caller = consoleCaller(grant);
    session.setAttribute(
        STEP, new Step("enroll", null, caller.id(), grant.sessionId(), null, null, null));
    return new Next("/admin/sign-in/enroll", null);
  }

  private Next code(HttpServletRequest request, Step step) {
    String code = field(request, "code", 16);
    String recovery = field(request, "recovery_code", 64);
    if ((code == null) == (recovery == null)) {
      throw ProblemException.validation(
          List.of(
              new ProblemException.FieldError(
                  "code", "give either the code of your app or a recovery code")));
    }
    Grant grant = logins.mfa(step.mfaToken(), code, recovery);
    signIn(request, consoleCaller(grant));
    return new Next("/admin/dashboard", null);
  }

  private Next enroll(HttpServletRequest request, Step step) {
    String code = required(request, "code", 16);
    Logins.Confirmation done =
        logins.confirmEnrollment(
            step.mfaToken(), step.mfaToken() == null ? step.userId() : null, code);
    Flash codes =
        Flash.secrets(
            "Two-step sign-in is on. Keep these recovery codes somewhere safe: each works once"
                + " instead of a code, and they are not shown again.",
            done.recoveryCodes());
    if (done.grant() == null) {
      // enrolled while signed in by password only: that session ends; sign in with a code now
      logins.logout(step.userId(), step.passwordSessionId());
      request.getSession().removeAttribute(STEP);
      return new Next("/admin/sign-in", codes);
    }
    signIn(request, consoleCaller(done.grant()));
    return new Next("/admin/dashboard", codes);
  }

  /** The caller of a new Auth session, refused (and the session ended) without a console role. */
  private Caller consoleCaller(Grant grant) {
    Caller caller = sessions.caller(grant.sessionId()).orElseThrow(ProblemException::unauthorized);
    if (!ConsoleSessions.opensConsole(caller)) {
      logins.logout(caller.id(), caller.sessionId());
      throw new ProblemException(
          403,
          "forbidden",
          "No console access",
          "The admin console is for platform admins, tenant admins and auditors.");
    }
    return caller;
  }

  /** A new session id and CSRF token for the signed-in console session. */
  private void signIn(HttpServletRequest request, Caller caller) {
    HttpSession session = request.getSession();
    session.removeAttribute(STEP);
    session.removeAttribute(ConsoleGate.CSRF);
    request.changeSessionId();
    session.setMaxInactiveInterval(idleSeconds);
    session.setAttribute(
        ConsoleSession.ATTRIBUTE,
        new ConsoleSession(caller.id(), caller.sessionId(), clock.instant()));
  }

  private static Step requireStep(Step step, String next) {
    if (step == null || !next.equals(step.next())) {
      throw new ProblemException(
          409, "sign-in-restart", "Start again", "This sign-in step has expired; sign in again.");
    }
    return step;
  }
}
