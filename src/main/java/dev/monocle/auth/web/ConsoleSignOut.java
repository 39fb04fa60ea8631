package dev.monocle.auth.web;

import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.auth.internal.Logins;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.ConsoleRedirect;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signing out ends the console session and the Auth session behind it. */
@Allow(roles = {Role.TENANT_ADMIN, Role.AUDITOR})
@WebServlet("/admin/sign-out")
public class ConsoleSignOut extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @Inject transient Logins logins;
  @Inject transient CurrentCaller current;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ConsoleRedirect.to(request, response, "/admin/dashboard");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    Caller caller = current.caller();
    logins.logout(caller.id(), caller.sessionId());
    request.getSession().invalidate();
    return new Next("/admin/sign-in", null);
  }
}
