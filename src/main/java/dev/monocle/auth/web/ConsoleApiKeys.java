package dev.monocle.auth.web;

import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.Administration;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.platform.console.Flash;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * API keys of the admin's tenant (every tenant's for platform admins): the list, a new key,
 * rotation and revocation, through the same {@link Administration} as the API, so its checks and
 * {@code apikey.*} audit events apply. A new key is shown once, in the flash after the redirect,
 * and put nowhere else.
 */
@Allow(roles = Role.TENANT_ADMIN)
@WebServlet("/admin/api-keys")
public class ConsoleApiKeys extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String PATH = "/admin/api-keys";

  @Inject transient Administration administration;
  @Inject transient CurrentCaller current;

  /** A key and whether it still works: {@code active}, {@code expired} or {@code revoked}. */
  public record Row(Administration.ApiKeyView key, String state) {

    static Row of(Administration.ApiKeyView key, Instant now) {
      String state =
          key.revokedAt() != null
              ? "revoked"
              : key.expiresAt() != null && !key.expiresAt().isAfter(now) ? "expired" : "active";
      return new Row(key, state);
    }

    public boolean active() {
      return "active".equals(state);
    }
  }

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Caller caller = current.caller();
    Page<Administration.ApiKeyView> page = administration.apiKeys(caller, listPage(request));
    Instant now = Instant.now();
    request.setAttribute("keys", page.items().stream().map(k -> Row.of(k, now)).toList());
    request.setAttribute("nextCursor", page.nextCursor());
    request.setAttribute("platformWide", caller.isPlatformWide());
    // decoder:node keys read every tenant's text sent for translation: platform admins only
    request.setAttribute(
        "scopes",
        Arrays.stream(Scope.values())
            .filter(s -> s != Scope.DECODER_NODE || caller.isPlatformWide())
            .map(Scope::wireName)
            .toList());
    render(request, response, "api-keys");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    Caller caller = current.caller();
    return switch (required(request, "action", 16)) {
      case "create" -> create(request, caller);
      case "rotate" -> rotate(caller, required(request, "id", 64));
      case "revoke" -> revoke(caller, required(request, "id", 64));
      default ->
          throw ProblemException.validation(
              List.of(new ProblemException.FieldError("action", "is not an action of this page")));
    };
  }

  private Next create(HttpServletRequest request, Caller caller) {
    List<String> scopes = checked(request, "scopes", Scope.values().length);
    AuthRequests.NewApiKey body =
        valid(
            new AuthRequests.NewApiKey(
                caller.isPlatformWide() ? field(request, "tenant", 64) : null,
                field(request, "name", 100),
                // none checked: the service's "must name at least one scope"
                scopes.isEmpty() ? null : scopes,
                number(request, "expires_in_days", 1, 365)));
    Administration.IssuedApiKey issued =
        administration.createApiKey(
            caller, body.tenant(), body.name(), body.scopes(), body.expiresInDays());
    return new Next(PATH, Flash.secret("Copy this key now: it is not shown again.", issued.key()));
  }

  private Next rotate(Caller caller, String id) {
    Administration.IssuedApiKey issued = administration.rotateApiKey(caller, id);
    return new Next(
        PATH,
        Flash.secret(
            "Copy this key now: it is not shown again. The previous key keeps working until "
                + issued.previousKeyExpiresAt()
                + "; the new one is valid until "
                + issued.expiresAt()
                + ".",
            issued.key()));
  }

  private Next revoke(Caller caller, String id) {
    administration.revokeApiKey(caller, id);
    return Next.to(PATH, "API key revoked: it no longer works.");
  }
}
