package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.platform.Database;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Sessions and their refresh tokens (RFC 9700): a session per login, a refresh token rotated on
 * every use, 7 days absolute (12 hours when the user holds an admin role). Presenting a spent token
 * is theft or a replay: the whole session is revoked. Revoked session ids go to the grid cache,
 * which the access filter checks on every request.
 */
@ApplicationScoped
public class SessionStore {

  static final Duration USER_SESSION = Duration.ofDays(7);
  static final Duration ADMIN_SESSION = Duration.ofHours(12);

  @Inject Database database;
  @Inject AuthCaches caches;
  @Inject Clock clock;
  @Inject Tokens tokens;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject AuthMetrics metrics;

  /** An access token, the refresh token that continues it, and their session. */
  public record Grant(
      String accessToken, String refreshToken, long refreshExpiresIn, String sessionId) {}

  private record Refreshed(Grant grant, String failure, SessionEntity session) {}

  /** Starts a session for a user who proved who they are, and grants its first tokens. */
  Grant start(EntityManager em, UserEntity user, List<String> amr) {
    TenantEntity tenant = em.find(TenantEntity.class, user.tenantId);
    if (user.disabled || !tenant.isActive()) {
      throw Logins.invalidCredentials();
    }
    List<Role> roles = directory.rolesOf(em, user.id);
    Instant now = clock.instant();
    Instant expires =
        now.plus(roles.stream().anyMatch(Role::isAdmin) ? ADMIN_SESSION : USER_SESSION);
    SessionEntity session =
        new SessionEntity(user.id, tenant.id, String.join(" ", amr), now, expires);
    em.persist(session);
    em.flush(); // the refresh token references the session; EclipseLink does not order them
    return grant(em, user, tenant, roles, session, now);
  }

  private Grant grant(
      EntityManager em,
      UserEntity user,
      TenantEntity tenant,
      List<Role> roles,
      SessionEntity session,
      Instant now) {
    String refresh = RandomTokens.urlSafe(32);
    em.persist(
        new RefreshTokenEntity(RandomTokens.sha256(refresh), session.id, now, session.expiresAt));
    String access =
        tokens.access(
            new Tokens.AccessClaims(
                user.id,
                user.username,
                tenant.id,
                tenant.slug,
                roles.stream().map(Role::wireName).toList(),
                session.id,
                Arrays.asList(session.amr.split(" "))));
    long refreshSeconds = Math.max(0, Duration.between(now, session.expiresAt).getSeconds());
    return new Grant(access, refresh, refreshSeconds, session.id);
  }

  /** Rotates a refresh token; a spent, expired, revoked or unknown one is a 401 invalid-grant. */
  public Grant refresh(String presented) {
    if (presented == null || presented.isBlank() || presented.length() > 256) {
      throw invalidGrant();
    }
    String hash = RandomTokens.sha256(presented);
    Refreshed result =
        database.inTransaction(
            em -> {
              RefreshTokenEntity token =
                  em.find(RefreshTokenEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
              Instant now = clock.instant();
              if (token == null) {
                return new Refreshed(null, "unknown", null);
              }
              SessionEntity session =
                  em.find(SessionEntity.class, token.sessionId, LockModeType.PESSIMISTIC_WRITE);
              if (token.spentAt != null) {
                if (session.revokedAt == null) {
                  revoke(session, "refresh_token_reuse", now);
                }
                return new Refreshed(null, "reuse", session);
              }
              if (!session.isLive(now) || !now.isBefore(token.expiresAt)) {
                return new Refreshed(null, "expired_or_revoked", session);
              }
              UserEntity user = em.find(UserEntity.class, session.userId);
              TenantEntity tenant = em.find(TenantEntity.class, session.tenantId);
              if (user.disabled || !tenant.isActive()) {
                revoke(session, "user_disabled", now);
                return new Refreshed(null, "user_disabled", session);
              }
              token.spentAt = now;
              session.lastUsedAt = now;
              return new Refreshed(
                  grant(em, user, tenant, directory.rolesOf(em, user.id), session, now),
                  null,
                  session);
            });
    if (result.grant() != null) {
      audit.record(
          AuditEvent.success(
              "auth.refresh",
              Actor.user(result.session().userId),
              result.session().tenantId,
              Target.of("session", result.session().id)));
      return result.grant();
    }
    SessionEntity session = result.session();
    if ("reuse".equals(result.failure())) {
      metrics.refreshTokenReuse();
      audit.record(
          AuditEvent.denied(
              "auth.refresh_reuse",
              Actor.user(session.userId),
              session.tenantId,
              Target.of("session", session.id),
              "spent refresh token presented again; session revoked"));
    } else {
      metrics.authenticationFailure("refresh_" + result.failure());
      audit.record(
          AuditEvent.failure(
              "auth.refresh",
              session == null ? Actor.ANONYMOUS : Actor.user(session.userId),
              session == null ? null : session.tenantId,
              session == null ? Target.NONE : Target.of("session", session.id),
              result.failure()));
    }
    throw invalidGrant();
  }

  /** Ends one session: its refresh tokens stop working, and its access tokens at once. */
  void revoke(SessionEntity session, String reason, Instant now) {
    session.revokedAt = now;
    session.revokeReason = reason;
    caches.revokedSessions().put(session.id, Boolean.TRUE);
  }

  /** Ends every live session of a user but {@code keep} (null for all); returns how many. */
  int revokeAll(EntityManager em, String userId, String reason, String keep) {
    Instant now = clock.instant();
    List<SessionEntity> live =
        em.createQuery(
                "SELECT s FROM SessionEntity s WHERE s.userId = :user AND s.revokedAt IS NULL"
                    + " AND s.expiresAt > :now",
                SessionEntity.class)
            .setParameter("user", userId)
            .setParameter("now", now)
            .getResultList();
    int count = 0;
    for (SessionEntity s : live) {
      if (!s.id.equals(keep)) {
        revoke(s, reason, now);
        count++;
      }
    }
    return count;
  }

  boolean isRevoked(String sessionId) {
    return sessionId == null || caches.revokedSessions().containsKey(sessionId);
  }

  /** After a restart of the whole cluster: sessions revoked recently, back into the cache. */
  void warmRevocations() {
    Instant since = clock.instant().minusSeconds(AuthCaches.REVOKED_SESSION_TTL_SECONDS);
    List<String> ids =
        database.inTransaction(
            em ->
                em.createQuery(
                        "SELECT s.id FROM SessionEntity s WHERE s.revokedAt > :since", String.class)
                    .setParameter("since", since)
                    .getResultList());
    ids.forEach(id -> caches.revokedSessions().put(id, Boolean.TRUE));
  }

  static ProblemException invalidGrant() {
    return new ProblemException(
        401,
        "invalid-grant",
        "Invalid grant",
        "The refresh token is unknown, spent, expired or revoked.");
  }
}
