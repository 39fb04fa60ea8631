package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.platform.Database;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

  /** What a refresh came to: a grant, or why not, and whose session it was (when known). */
  private record Refreshed(
      Grant grant, String failure, String sessionId, String userId, String tenantId) {}

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
    return grant(
        new Tokens.AccessClaims(
            user.id,
            user.username,
            tenant.id,
            tenant.slug,
            roles.stream().map(Role::wireName).toList(),
            session.id,
            Arrays.asList(session.amr.split(" "))),
        refresh,
        session.expiresAt,
        now);
  }

  private Grant grant(Tokens.AccessClaims claims, String refresh, Instant expires, Instant now) {
    long refreshSeconds = Math.max(0, Duration.between(now, expires).getSeconds());
    return new Grant(tokens.access(claims), refresh, refreshSeconds, claims.sessionId());
  }

  /**
   * Rotates a refresh token; a spent, expired, revoked or unknown one is a 401 invalid-grant. The
   * hot path of every client, so it is plain JDBC: one read of the token with its session, user,
   * tenant and roles, two conditional updates (the token is spent only if nobody spent it first,
   * the session touched only if nobody revoked it) and the new token's insert.
   */
  public Grant refresh(String presented) {
    if (presented == null || presented.isBlank() || presented.length() > 256) {
      throw invalidGrant();
    }
    String hash = RandomTokens.sha256(presented);
    Refreshed result;
    try {
      result = database.inJdbcTransaction(c -> rotate(c, hash, clock.instant()));
    } catch (SQLException e) {
      throw new IllegalStateException("refresh failed", e);
    }
    if (result.grant() != null) {
      audit.record(
          AuditEvent.success(
              "auth.refresh",
              Actor.user(result.userId()),
              result.tenantId(),
              Target.of("session", result.sessionId())));
      return result.grant();
    }
    if ("reuse".equals(result.failure())) {
      metrics.refreshTokenReuse();
      audit.record(
          AuditEvent.denied(
              "auth.refresh_reuse",
              Actor.user(result.userId()),
              result.tenantId(),
              Target.of("session", result.sessionId()),
              "spent refresh token presented again; session revoked"));
    } else {
      metrics.authenticationFailure("refresh_" + result.failure());
      boolean known = result.sessionId() != null;
      audit.record(
          AuditEvent.failure(
              "auth.refresh",
              known ? Actor.user(result.userId()) : Actor.ANONYMOUS,
              known ? result.tenantId() : null,
              known ? Target.of("session", result.sessionId()) : Target.NONE,
              result.failure()));
    }
    throw invalidGrant();
  }

  private static final String READ_TOKEN =
      "SELECT t.spent_at, t.expires_at, s.id, s.user_id, s.tenant_id, s.amr, s.expires_at,"
          + " s.revoked_at, u.username, u.disabled, n.slug, n.status, r.role"
          + " FROM auth_refresh_token t"
          + " JOIN auth_session s ON s.id = t.session_id"
          + " JOIN auth_user u ON u.id = s.user_id"
          + " JOIN auth_tenant n ON n.id = s.tenant_id"
          + " LEFT JOIN auth_role_assignment r ON r.user_id = u.id"
          + " WHERE t.token_hash = ?";

  /** The presented token with its session, user, tenant and roles (a row per role). */
  private record Presented(
      Instant spentAt,
      Instant expiresAt,
      String sessionId,
      String userId,
      String tenantId,
      String amr,
      Instant sessionExpiresAt,
      Instant revokedAt,
      String username,
      boolean disabled,
      String tenantSlug,
      boolean tenantActive,
      List<Role> roles) {}

  private Refreshed rotate(Connection c, String hash, Instant now) throws SQLException {
    Presented p = read(c, hash);
    if (p == null) {
      return new Refreshed(null, "unknown", null, null, null);
    }
    if (p.spentAt() != null) {
      return failed(c, p, "reuse", "refresh_token_reuse", now);
    }
    if (!SessionEntity.isLive(p.revokedAt(), p.sessionExpiresAt(), now)
        || !now.isBefore(p.expiresAt())) {
      return failed(c, p, "expired_or_revoked", null, now);
    }
    if (p.disabled() || !p.tenantActive()) {
      return failed(c, p, "user_disabled", "user_disabled", now);
    }
    if (update(c, SPEND, now, hash) == 0) {
      // a concurrent refresh spent it between the read and now: this one is the replay
      return failed(c, p, "reuse", "refresh_token_reuse", now);
    }
    if (update(c, TOUCH_SESSION, now, p.sessionId()) == 0) {
      return failed(c, p, "expired_or_revoked", null, now); // revoked meanwhile
    }
    String refresh = RandomTokens.urlSafe(32);
    try (PreparedStatement s = c.prepareStatement(INSERT_TOKEN)) {
      s.setString(1, RandomTokens.sha256(refresh));
      s.setString(2, p.sessionId());
      s.setObject(3, JdbcTime.toColumn(now));
      s.setObject(4, JdbcTime.toColumn(p.sessionExpiresAt()));
      s.executeUpdate();
    }
    Grant grant =
        grant(
            new Tokens.AccessClaims(
                p.userId(),
                p.username(),
                p.tenantId(),
                p.tenantSlug(),
                p.roles().stream().map(Role::wireName).toList(),
                p.sessionId(),
                Arrays.asList(p.amr().split(" "))),
            refresh,
            p.sessionExpiresAt(),
            now);
    return new Refreshed(grant, null, p.sessionId(), p.userId(), p.tenantId());
  }

  private static final String SPEND =
      "UPDATE auth_refresh_token SET spent_at = ? WHERE token_hash = ? AND spent_at IS NULL";
  private static final String TOUCH_SESSION =
      "UPDATE auth_session SET last_used_at = ? WHERE id = ? AND revoked_at IS NULL";
  private static final String REVOKE_SESSION =
      "UPDATE auth_session SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL";
  private static final String INSERT_TOKEN =
      "INSERT INTO auth_refresh_token (token_hash, session_id, issued_at, expires_at)"
          + " VALUES (?, ?, ?, ?)";

  private static Presented read(Connection c, String hash) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(READ_TOKEN)) {
      s.setString(1, hash);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Instant spentAt = JdbcTime.instant(rs, 1);
        Instant expiresAt = JdbcTime.instant(rs, 2);
        String sessionId = rs.getString(3);
        String userId = rs.getString(4);
        String tenantId = rs.getString(5);
        String amr = rs.getString(6);
        Instant sessionExpiresAt = JdbcTime.instant(rs, 7);
        Instant revokedAt = JdbcTime.instant(rs, 8);
        String username = rs.getString(9);
        boolean disabled = rs.getBoolean(10);
        String slug = rs.getString(11);
        boolean active = TenantEntity.isActive(rs.getString(12));
        List<Role> roles = new ArrayList<>();
        do {
          Role.fromWire(rs.getString(13)).ifPresent(roles::add);
        } while (rs.next());
        Collections.sort(roles);
        return new Presented(
            spentAt,
            expiresAt,
            sessionId,
            userId,
            tenantId,
            amr,
            sessionExpiresAt,
            revokedAt,
            username,
            disabled,
            slug,
            active,
            List.copyOf(roles));
      }
    }
  }

  /** A refused refresh; with {@code revokeFor}, its session is revoked for that reason. */
  private Refreshed failed(Connection c, Presented p, String failure, String revokeFor, Instant now)
      throws SQLException {
    if (revokeFor != null && p.revokedAt() == null) {
      try (PreparedStatement s = c.prepareStatement(REVOKE_SESSION)) {
        s.setObject(1, JdbcTime.toColumn(now));
        s.setString(2, revokeFor);
        s.setString(3, p.sessionId());
        s.executeUpdate();
      }
      announceRevoked(p.sessionId());
    }
    return new Refreshed(null, failure, p.sessionId(), p.userId(), p.tenantId());
  }

  private static int update(Connection c, String sql, Instant now, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, JdbcTime.toColumn(now));
      s.setString(2, id);
      return s.executeUpdate();
    }
  }

  /** Ends one session: its refresh tokens stop working, and its access tokens at once. */
  void revoke(SessionEntity session, String reason, Instant now) {
    session.revokedAt = now;
    session.revokeReason = reason;
    announceRevoked(session.id);
  }

  /** Puts a revoked session into the grid cache the access filter checks on every request. */
  private void announceRevoked(String sessionId) {
    caches.revokedSessions().put(sessionId, Boolean.TRUE);
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
    ids.forEach(this::announceRevoked);
  }

  static ProblemException invalidGrant() {
    return new ProblemException(
        401,
        "invalid-grant",
        "Invalid grant",
        "The refresh token is unknown, spent, expired or revoked.");
  }
}
