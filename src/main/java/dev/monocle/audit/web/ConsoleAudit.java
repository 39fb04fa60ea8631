package dev.monocle.audit.web;

import dev.monocle.audit.internal.AuditQueries;
import dev.monocle.audit.internal.AuditVerification;
import dev.monocle.audit.internal.ChainVerifier;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.TenantScope;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.Flash;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The audit trail for auditors (their tenant's; platform auditors and admins see every tenant's):
 * events newest first, filtered exactly like {@code GET /api/v1/audit/events}, and a verification
 * of the whole chain on demand.
 */
@Allow(roles = Role.AUDITOR)
@WebServlet("/admin/audit")
public class ConsoleAudit extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 50;

  @Inject transient AuditQueries queries;
  @Inject transient AuditVerification verification;
  @Inject transient TenantScope scope;

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Page<AuditResource.EventView> events = new Page<>(List.of(), null);
    try {
      events = events(request);
    } catch (ProblemException problem) {
      if (problem.status() != 400) {
        throw problem;
      }
      // a mistyped filter: the page again, with the form as typed and what is wrong with it
      response.setStatus(problem.status());
      request.setAttribute(
          "flash",
          Flash.error(
              problem.title() + ". " + problem.detail(),
              problem.errors().stream().map(e -> e.field() + ": " + e.message()).toList()));
    }
    request.setAttribute("events", events.items());
    request.setAttribute("nextCursor", events.nextCursor());
    request.setAttribute("chain", verification.lastRun().orElse(null));
    render(request, response, "audit");
  }

  /** One page of events matching the filter form, checked as the API checks its query. */
  private Page<AuditResource.EventView> events(HttpServletRequest request) {
    Page.Request page = listPage(request, PAGE_SIZE);
    EventSearch search =
        EventSearch.of(
                scope,
                field(request, "from", 100),
                field(request, "to", 100),
                field(request, "actor", 100),
                field(request, "action", 100),
                field(request, "outcome", 16),
                page)
            .orThrow();
    List<AuditResource.EventView> rows =
        queries.events(search.filter(), search.before(), PAGE_SIZE + 1).stream()
            .map(AuditResource.EventView::of)
            .toList();
    return Page.of(rows, PAGE_SIZE, e -> Long.toString(e.seq()));
  }

  /** Verifies the whole chain now, as {@code GET /api/v1/audit/verify} does. */
  @Override
  protected Next change(HttpServletRequest request) {
    ChainVerifier.Result result = verification.verify();
    if (result.valid()) {
      return Next.to(
          "/admin/audit",
          "Chain intact: "
              + result.checked()
              + " events checked, head at seq "
              + result.headSeq()
              + ".");
    }
    return new Next(
        "/admin/audit",
        Flash.error(
            "Chain BROKEN at seq " + result.firstInvalidSeq() + ": " + result.reason(), List.of()));
  }
}
