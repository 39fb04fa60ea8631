package dev.monocle.auth.web;

import dev.monocle.auth.internal.Administration;
import dev.monocle.auth.internal.Administration.RoleAssignmentView;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.Page;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.console.ConsolePage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Access review: every role assignment in the viewer's scope, who granted it and when it was last
 * reviewed, flagged when that was more than 90 days ago; a reviewer marks an assignment reviewed
 * (an audited {@code admin.role_reviewed} event). Changing roles is done on the user's page.
 */
@Allow(roles = {Role.TENANT_ADMIN, Role.AUDITOR})
@WebServlet("/admin/role-review")
public class ConsoleRoleReview extends ConsolePage {

  private static final long serialVersionUID = 1L;

  /** How long a review holds before the assignment is due again. */
  static final Duration REVIEW_INTERVAL = Duration.ofDays(90);

  @Inject transient Administration admin;
  @Inject transient CurrentCaller current;
  @Inject transient Clock clock;

  /** A row of the table: an assignment and whether its review is due. */
  public record Row(RoleAssignmentView assignment, boolean reviewDue) {}

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String cursor = field(request, "cursor", 200);
    Page<RoleAssignmentView> page =
        admin.roleAssignments(current.caller(), Page.Request.of(null, cursor));
    Instant dueBefore = clock.instant().minus(REVIEW_INTERVAL);
    List<Row> rows = page.items().stream().map(a -> new Row(a, reviewDue(a, dueBefore))).toList();
    request.setAttribute("rows", rows);
    request.setAttribute("nextCursor", page.nextCursor());
    request.setAttribute("cursor", cursor);
    render(request, response, "role-review");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    String cursor = field(request, "cursor", 200);
    Page.Request.of(null, cursor); // a forged cursor is refused before anything changes
    RoleAssignmentView reviewed =
        admin.markReviewed(current.caller(), required(request, "assignment", 64));
    String back =
        cursor == null
            ? "/admin/role-review"
            : "/admin/role-review?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    return Next.to(
        back, "Marked reviewed: " + reviewed.role() + " of " + reviewed.username() + ".");
  }

  /** Last reviewed (or, never reviewed, granted) before {@code dueBefore}. */
  static boolean reviewDue(RoleAssignmentView a, Instant dueBefore) {
    Instant basis = a.lastReviewedAt() != null ? a.lastReviewedAt() : a.grantedAt();
    return basis == null || basis.isBefore(dueBefore);
  }
}
