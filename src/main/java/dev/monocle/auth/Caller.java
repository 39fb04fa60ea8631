package dev.monocle.auth;

import dev.monocle.audit.AuditEvent;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import java.util.List;
import java.util.Set;

/**
 * Who is calling: a signed-in user (roles, session, how they authenticated) or a service holding an
 * API key (scopes). Both belong to exactly one tenant; users of tenant {@code platform} see all
 * tenants.
 */
public record Caller(
    Kind kind,
    String id,
    String tenantId,
    String tenantSlug,
    String name,
    Set<Role> roles,
    Set<Scope> scopes,
    String sessionId,
    List<String> amr) {

  public static final String PLATFORM_TENANT = "platform";

  public Caller {
    roles = Set.copyOf(roles);
    scopes = Set.copyOf(scopes);
    amr = List.copyOf(amr);
  }

  /** A user or an API key. */
  public enum Kind {
    USER,
    SERVICE
  }

  public boolean isUser() {
    return kind == Kind.USER;
  }

  /** This caller as the actor of an audit event. */
  public AuditEvent.Actor actor() {
    return isUser() ? AuditEvent.Actor.user(id) : AuditEvent.Actor.service(id);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * Platform admins and platform auditors (auditors of tenant {@code platform}) act across tenants;
   * any other role in tenant {@code platform} is scoped to that tenant like anywhere else.
   */
  public boolean isPlatformWide() {
    return isUser()
        && PLATFORM_TENANT.equals(tenantSlug)
        && (roles.contains(Role.PLATFORM_ADMIN) || roles.contains(Role.AUDITOR));
  }
}
