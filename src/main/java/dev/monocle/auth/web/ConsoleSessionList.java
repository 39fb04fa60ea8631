package dev.monocle.auth.web;

import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.Administration;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.console.ConsolePage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Live sign-in sessions (neither revoked nor expired): all of them for platform admins, the own
 * tenant's for tenant admins, each with a button that ends it at once, access tokens included (an
 * audited {@code admin.session_revoked} event).
 */
@Allow(roles = Role.TENANT_ADMIN)
@WebServlet("/admin/sessions")
public class ConsoleSessionList extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @Inject transient Administration admin;
  @Inject transient CurrentCaller current;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Caller caller = current.caller();
    request.setAttribute("sessions", admin.sessions(caller, listPage(request)));
    request.setAttribute("ownSession", caller.sessionId());
    render(request, response, "sessions");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    admin.revokeSession(current.caller(), required(request, "session", 64));
    return Next.to("/admin/sessions", "Session ended.");
  }
}
