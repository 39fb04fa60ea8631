package dev.monocle.auth.web;

import dev.monocle.audit.Retention;
import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.DataKeys;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.Flash;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keys and retention, for platform admins: signing, data and blind-index keys (ids, states, ages;
 * never material), re-encryption progress and rotation, and the retention policies with their last
 * runs, changes and a run on demand. The same services as the keys and retention API do the work,
 * with the same {@code keys.rotated}, {@code admin.retention_updated} and {@code retention.purged}
 * events.
 */
@Allow
@WebServlet("/admin/keys")
public class ConsoleKeys extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @Inject transient KeyAdministration keys;
  @Inject transient Retention retention;
  @Inject transient CurrentCaller current;

  /** A signing key with its age in whole days. */
  public record SigningRow(AdminKeysResource.SigningKeyView key, Long ageDays) {

    static SigningRow of(AdminKeysResource.SigningKeyView key, Instant now) {
      return new SigningRow(
          key, key.createdAt() == null ? null : Duration.between(key.createdAt(), now).toDays());
    }
  }

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Instant now = Instant.now();
    KeyAdministration.Overview overview = keys.overview(now);
    request.setAttribute(
        "signing", overview.signing().stream().map(k -> SigningRow.of(k, now)).toList());
    request.setAttribute("data", overview.data());
    request.setAttribute("blindIndex", overview.blindIndex());
    request.setAttribute("retention", retention.overview());
    render(request, response, "keys");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    Caller caller = current.caller();
    return switch (required(request, "action", 32)) {
      case "rotate-signing" -> rotateSigning(caller);
      case "rotate-data" -> rotateData(caller);
      case "update-retention" -> updateRetention(request, caller);
      case "run-retention" -> runRetention(caller);
      default ->
          throw ProblemException.validation(
              List.of(new ProblemException.FieldError("action", "is not an action of this page")));
    };
  }

  private Next rotateSigning(Caller caller) {
    String kid = keys.rotateSigning(caller);
    return Next.to(
        "/admin/keys",
        "New signing key "
            + kid
            + " is published now and signs new tokens after the publish delay; the old key stays"
            + " published until the tokens it signed have expired.");
  }

  private Next rotateData(Caller caller) {
    DataKeys.Progress progress = keys.rotateData(caller);
    return Next.to(
        "/admin/keys",
        "New primary data key "
            + progress.targetKeyId()
            + ". Every sealed value is re-encrypted onto it in the background; the old keys keep"
            + " opening values until then.");
  }

  /** One class's new period, checked like a {@code PUT /api/v1/admin/retention} body. */
  private Next updateRetention(HttpServletRequest request, Caller caller) {
    String dataClass = required(request, "data_class", 64);
    required(request, "period_days", 12);
    long days = number(request, "period_days", 0, 36_500);
    AdminRetentionResource.Update update =
        valid(
            new AdminRetentionResource.Update(
                List.of(new AdminRetentionResource.PolicyUpdate(dataClass, days))));
    retention.update(update.periods(), caller.id(), caller.tenantId());
    return Next.to("/admin/keys", "Retention of " + dataClass + " set to " + days + " days.");
  }

  private Next runRetention(Caller caller) {
    List<Retention.Run> runs = retention.runNow(caller.id(), caller.tenantId());
    long purged = runs.stream().mapToLong(Retention.Run::purged).sum();
    return new Next(
        "/admin/keys",
        new Flash(
            "done",
            "Retention ran for " + runs.size() + " data classes: " + purged + " records purged.",
            null,
            runs.stream()
                .map(r -> r.dataClass() + ": " + r.purged() + " purged (" + r.outcome() + ")")
                .toList()));
  }
}
