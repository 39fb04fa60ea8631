package dev.monocle.auth.web;

import dev.monocle.auth.internal.Administration;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.console.ConsolePage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Tenants, for platform admins only: the list, a form to create one, and suspending or activating a
 * tenant (suspending ends the sessions of all its users). {@link Administration} does the work, as
 * for the REST API.
 */
@Allow
@WebServlet("/admin/tenants")
public class ConsoleTenants extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @Inject transient Administration admin;
  @Inject transient CurrentCaller current;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.setAttribute("tenants", admin.tenants(listPage(request)));
    render(request, response, "tenants");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    String action = required(request, "action", 32);
    switch (action) {
      case "create" -> {
        AuthRequests.NewTenant body =
            valid(
                new AuthRequests.NewTenant(
                    field(request, "slug", 64), field(request, "name", 200)));
        Administration.TenantView tenant =
            admin.createTenant(current.caller(), body.slug(), body.name());
        return Next.to("/admin/tenants", "Tenant " + tenant.slug() + " created.");
      }
      case "status" -> {
        String id = required(request, "tenant", 64);
        AuthRequests.TenantChange body =
            valid(new AuthRequests.TenantChange(null, required(request, "status", 16)));
        Administration.TenantView tenant =
            admin.patchTenant(
                current.caller(), id, admin.tenant(id).version(), null, body.status());
        return Next.to(
            "/admin/tenants",
            "Tenant "
                + tenant.slug()
                + ("suspended".equals(tenant.status())
                    ? " suspended. Its users' sessions have ended."
                    : " activated."));
      }
      default ->
          throw ProblemException.validation(
              List.of(new ProblemException.FieldError("action", "is not an action of this page")));
    }
  }
}
