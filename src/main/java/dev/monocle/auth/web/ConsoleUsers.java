package dev.monocle.auth.web;

import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.Administration;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.console.ConsolePage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Users and their roles: the list of users in the viewer's scope with a form to create one, and a
 * page per user to change roles, disable or enable, reset MFA and end sessions. The same {@link
 * Administration} as the REST API does the work, so validation and audit events are the API's.
 */
@Allow(roles = Role.TENANT_ADMIN)
@WebServlet(urlPatterns = {"/admin/users", "/admin/users/*"})
public class ConsoleUsers extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final List<String> ROLES =
      Arrays.stream(Role.values()).map(Role::wireName).toList();

  @Inject transient Administration admin;
  @Inject transient CurrentCaller current;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Caller caller = current.caller();
    request.setAttribute("roles", grantable(caller));
    String id = userId(request);
    if (id == null) {
      request.setAttribute("users", admin.users(caller, listPage(request)));
      request.setAttribute("platformWide", caller.isPlatformWide());
      render(request, response, "users");
      return;
    }
    request.setAttribute("user", admin.user(caller, id));
    request.setAttribute("self", id.equals(caller.id()));
    render(request, response, "user");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    Caller caller = current.caller();
    String id = userId(request);
    if (id == null) {
      return create(request, caller);
    }
    String action = required(request, "action", 32);
    String path = "/admin/users/" + id;
    switch (action) {
      case "roles" -> {
        List<String> roles = checked(request, "roles", ROLES.size());
        valid(new AuthRequests.UserChange(roles, null, null));
        admin.patchUser(caller, id, admin.user(caller, id).version(), roles, null, null);
        return Next.to(path, "Roles saved. The user's sessions have ended if they changed.");
      }
      case "disable" -> {
        admin.patchUser(caller, id, admin.user(caller, id).version(), null, true, null);
        return Next.to(path, "User disabled. Their sessions have ended.");
      }
      case "enable" -> {
        admin.patchUser(caller, id, admin.user(caller, id).version(), null, false, null);
        return Next.to(path, "User enabled.");
      }
      case "reset-mfa" -> {
        admin.resetMfa(caller, id);
        return Next.to(path, "Two-step sign-in reset. The user sets it up again at next sign-in.");
      }
      case "revoke-sessions" -> {
        int count = admin.revokeSessions(caller, id);
        return Next.to(path, count == 1 ? "1 session ended." : count + " sessions ended.");
      }
      default ->
          throw ProblemException.validation(
              List.of(new ProblemException.FieldError("action", "is not an action of this page")));
    }
  }

  private Next create(HttpServletRequest request, Caller caller) {
    AuthRequests.NewUser body =
        valid(
            new AuthRequests.NewUser(
                field(request, "tenant", 64),
                field(request, "username", 64),
                field(request, "email", 254),
                field(request, "password", 1024),
                checked(request, "roles", ROLES.size())));
    Administration.UserView user =
        admin.createUser(
            caller, body.tenant(), body.username(), body.email(), body.password(), body.roles());
    return Next.to("/admin/users/" + user.id(), "User " + user.username() + " created.");
  }

  /** The user id of a detail page, null for the list; a 404 for a path that cannot name a user. */
  private static String userId(HttpServletRequest request) {
    String info = request.getPathInfo();
    if (info == null || info.equals("/")) {
      return null;
    }
    String id = info.substring(1);
    if (!ID.matcher(id).matches()) {
      throw ProblemException.notFound();
    }
    return id;
  }

  /** The roles the viewer may grant: platform_admin only by platform admins. */
  private static List<String> grantable(Caller caller) {
    return caller.has(Role.PLATFORM_ADMIN)
        ? ROLES
        : ROLES.stream().filter(r -> !r.equals(Role.PLATFORM_ADMIN.wireName())).toList();
  }
}
