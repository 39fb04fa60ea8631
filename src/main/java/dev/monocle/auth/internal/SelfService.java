package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.Caller;
import dev.monocle.platform.Database;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What a signed-in user may see and do about their own account and sessions. */
@ApplicationScoped
public class SelfService {

  @Inject Database database;
  @Inject Directory directory;
  @Inject SessionStore sessions;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public record Me(
      String userId,
      String tenant,
      String username,
      List<String> roles,
      boolean mfaEnabled,
      String sessionId) {}

  public record SessionView(
      String id,
      Instant createdAt,
      Instant lastUsedAt,
      Instant expiresAt,
      List<String> amr,
      boolean current) {}

  public Me me(Caller caller) {
    return database.inTransaction(
        em -> {
          UserEntity user = em.find(UserEntity.class, caller.id());
          return new Me(
              user.id,
              caller.tenantSlug(),
              user.username,
              directory.rolesOf(em, user.id).stream().map(Role::wireName).toList(),
              user.mfaEnabled,
              caller.sessionId());
        });
  }

  public List<SessionView> sessions(Caller caller) {
    Instant now = clock.instant();
    return database.inTransaction(
        em ->
            em
                .createQuery(
                    "SELECT s FROM SessionEntity s WHERE s.userId = :u AND s.revokedAt IS NULL"
                        + " AND s.expiresAt > :now ORDER BY s.createdAt DESC",
                    SessionEntity.class)
                .setParameter("u", caller.id())
                .setParameter("now", now)
                .getResultList()
                .stream()
                .map(
                    s ->
                        new SessionView(
                            s.id,
                            s.createdAt,
                            s.lastUsedAt,
                            s.expiresAt,
                            List.of(s.amr.split(" ")),
                            s.id.equals(caller.sessionId())))
                .toList());
  }

  public void endSession(Caller caller, String sessionId) {
    database.run(
        em -> {
          SessionEntity s =
              sessionId == null || sessionId.length() > 64
                  ? null
                  : em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
          if (s == null || !s.userId.equals(caller.id())) {
            throw ProblemException.notFound();
          }
          if (s.revokedAt == null) {
            sessions.revoke(s, "ended_by_user", clock.instant());
          }
        });
    audit.record(
        AuditEvent.success(
            "auth.logout",
            Actor.user(caller.id()),
            caller.tenantId(),
            Target.of("session", sessionId)));
  }
}
