package dev.monocle.catalog.web;

import dev.monocle.auth.AccessControl;
import dev.monocle.catalog.internal.CustomerView;
import dev.monocle.catalog.internal.Customers;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.Flash;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The customers of the caller's tenant (every tenant's for platform admins, as in the API), always
 * masked. "Unmask" reads one customer's values the way the API does for a tenant admin, so it is
 * the API's {@code pii.read} audit event with the admin as actor, and shows them once, on the next
 * page view only. Auditors do not read customers in the API, so they do not here either.
 */
@Allow(roles = Role.TENANT_ADMIN)
@WebServlet("/admin/customers")
public class ConsoleCustomers extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @Inject transient Customers customers;
  @Inject transient AccessControl access;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Page<CustomerView> page = customers.listMasked(listPage(request));
    request.setAttribute("customers", page.items());
    request.setAttribute("nextCursor", page.nextCursor());
    request.setAttribute("everyTenant", access.caller().isPlatformWide());
    render(request, response, "customers");
  }

  /** Unmasks one customer: an audited read whose values are shown on the next page view only. */
  @Override
  protected Next change(HttpServletRequest request) {
    String id = required(request, "id", 64);
    String cursor = field(request, "cursor", 200);
    CustomerView customer = customers.get(id).customer();
    if (customer.masked()) {
      throw ProblemException.forbidden(); // the role sees masked values only (not for this page)
    }
    String back =
        "/admin/customers"
            + (cursor == null
                ? ""
                : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    return new Next(
        back,
        Flash.secrets(
            "Values of customer " + customer.id() + ", shown this once (the read is audited):",
            List.of(
                "Name: " + orNone(customer.fullName()),
                "Email: " + orNone(customer.email()),
                "Phone: " + orNone(customer.phone()),
                "Date of birth: " + orNone(customer.dateOfBirth()))));
  }

  private static String orNone(String value) {
    return value == null ? "(none)" : value;
  }
}
