package dev.monocle.auth.internal;

import dev.monocle.auth.Caller;
import dev.monocle.platform.Database;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The admin console's sessions ride on Auth sessions: a console session holds only the id of the
 * Auth session its sign-in started, and every page request asks here whether that session is still
 * live. Revoking it in Auth (sign-out elsewhere, an admin's revoke, a role change, a disabled user,
 * a suspended tenant) therefore ends the console too, on the next request.
 */
@ApplicationScoped
public class ConsoleSessions {

  /** The roles that open the console; every other role is refused at sign-in. */
  public static final Set<Role> CONSOLE_ROLES =
      EnumSet.of(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.AUDITOR);

  @Inject Database database;
  @Inject Directory directory;
  @Inject SessionStore sessions;
  @Inject Clock clock;

  /** The caller of a live session, freshly read (roles, user, tenant); empty when it ended. */
  public Optional<Caller> caller(String sessionId) {
    if (sessionId == null || sessions.isRevoked(sessionId)) {
      return Optional.empty();
    }
    return database.inTransaction(
        em -> {
          SessionEntity session = em.find(SessionEntity.class, sessionId);
          if (session == null || !session.isLive(clock.instant())) {
            return Optional.empty();
          }
          UserEntity user = em.find(UserEntity.class, session.userId);
          TenantEntity tenant = em.find(TenantEntity.class, session.tenantId);
          if (user == null || user.disabled || tenant == null || !tenant.isActive()) {
            return Optional.empty();
          }
          return Optional.of(
              new Caller(
                  Caller.Kind.USER,
                  user.id,
                  tenant.id,
                  tenant.slug,
                  user.username,
                  Set.copyOf(directory.rolesOf(em, user.id)),
                  Set.<Scope>of(),
                  session.id,
                  List.copyOf(Arrays.asList(session.amr.split(" ")))));
        });
  }

  /** Whether any of the caller's roles opens the console. */
  public static boolean opensConsole(Caller caller) {
    return caller.roles().stream().anyMatch(CONSOLE_ROLES::contains);
  }
}
