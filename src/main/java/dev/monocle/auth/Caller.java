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
   * Platform admins act on every tenant's objects; any other role, also in tenant {@code platform},
   * is scoped to its own tenant like anywhere else.
   */
  public boolean isPlatformWide() {
    return isUser() && PLATFORM_TENANT.equals(tenantSlug) && roles.contains(Role.PLATFORM_ADMIN);
  }

  /**
   * Who reads every tenant's audit trail: platform admins and platform auditors (auditors of tenant
   * {@code platform}). Reading the trail is all the second gives: {@link #isPlatformWide} stays
   * false for them, so an auditor role never widens what other roles may touch.
   */
  public boolean readsEveryTrail() {
    return isPlatformWide()
        || (isUser() && PLATFORM_TENANT.equals(tenantSlug) && roles.contains(Role.AUDITOR));
  }
}
