package dev.monocle.auth;

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

  /** A user or an API key. */
  public enum Kind {
    USER,
    SERVICE
  }

  public boolean isUser() {
    return kind == Kind.USER;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Platform admins and platform auditors act across tenants. */
  public boolean isPlatformWide() {
    return isUser() && PLATFORM_TENANT.equals(tenantSlug);
  }
}
