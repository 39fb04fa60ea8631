package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.internal.SessionStore.Grant;
import dev.monocle.platform.Database;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signing in: password (Argon2id, per-account lockout with growing delay, per-address limits, the
 * same answer in about the same time for every failure), then TOTP or a recovery code for users
 * with MFA, and enrollment for admins who have none yet. Also password change and logout.
 */
@ApplicationScoped
public class Logins {

  static final int LOCKOUT_AFTER = 5;
  static final long MAX_LOCK_SECONDS = 900;
  static final int MAX_MFA_FAILURES_PER_CHALLENGE = 5;
  static final int RECOVERY_CODES = 10;

  @Inject Database database;
  @Inject Directory directory;
  @Inject SessionStore sessions;
  @Inject Tokens tokens;
  @Inject AuditTrail audit;
  @Inject AuthMetrics metrics;
  @Inject RateLimiter limits;
  @Inject Clock clock;

  private final PasswordHasher hasher = new PasswordHasher();
  private final PasswordPolicy policy = new PasswordPolicy();
  private final Totp totp = Totp.standard();

  /** What a correct password leads to. */
  public sealed interface LoginResult permits Granted, MfaRequired, EnrollmentRequired {}

  public record Granted(Grant grant) implements LoginResult {}

  public record MfaRequired(String mfaToken) implements LoginResult {}

  public record EnrollmentRequired(String mfaToken) implements LoginResult {}

  /** The secret to enter into an authenticator app. */
  public record Enrollment(String secret, String otpauthUri, String qrPngBase64) {}

  /** Recovery codes (shown once) and, when enrolling at sign-in, the first tokens. */
  public record Confirmation(List<String> recoveryCodes, Grant grant) {}

  private record Attempt(LoginResult result, String failure, UserEntity user, String tenantId) {}

  public LoginResult login(String tenantSlug, String username, String password, String address) {
    limits.consume(limits.loginPerAddress(), String.valueOf(address));
    Attempt attempt = database.inTransaction(em -> attempt(em, tenantSlug, username, password));
    if (attempt.result() != null) {
      audit.record(
          AuditEvent.success(
              "auth.login",
              Actor.user(attempt.user().id),
              attempt.tenantId(),
              Target.of("user", attempt.user().id)));
      return attempt.result();
    }
    metrics.authenticationFailure(attempt.failure());
    audit.record(
        AuditEvent.failure(
            attempt.failure().endsWith("locked") ? "auth.lockout" : "auth.login_failed",
            attempt.user() == null ? Actor.ANONYMOUS : Actor.user(attempt.user().id),
            attempt.tenantId(),
            attempt.user() == null ? Target.NONE : Target.of("user", attempt.user().id),
            attempt.failure()));
    throw invalidCredentials();
  }

  private Attempt attempt(EntityManager em, String tenantSlug, String username, String password) {
    TenantEntity tenant = directory.tenantBySlug(em, tenantSlug).orElse(null);
    UserEntity found = tenant == null ? null : directory.user(em, tenant.id, username).orElse(null);
    if (found == null) {
      hasher.verifyDummy(password);
      return new Attempt(null, "unknown_user", null, tenant == null ? null : tenant.id);
    }
    UserEntity user = em.find(UserEntity.class, found.id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (user.lockedUntil != null && now.isBefore(user.lockedUntil)) {
      hasher.verifyDummy(password);
      return new Attempt(null, "locked", user, tenant.id);
    }
    if (!hasher.verify(password, user.passwordHash)) {
      user.failedLogins++;
      user.lastFailedLoginAt = now;
      if (user.failedLogins >= LOCKOUT_AFTER) {
        int over = Math.min(user.failedLogins - LOCKOUT_AFTER, 10);
        user.lockedUntil = now.plusSeconds(Math.min(MAX_LOCK_SECONDS, 30L << over));
        return new Attempt(null, "bad_password_locked", user, tenant.id);
      }
      return new Attempt(null, "bad_password", user, tenant.id);
    }
    if (user.disabled || !tenant.isActive()) {
      return new Attempt(null, "disabled", user, tenant.id);
    }
    user.failedLogins = 0;
    user.lockedUntil = null;
    user.lastFailedLoginAt = null;
    if (hasher.needsRehash(user.passwordHash)) {
      user.passwordHash = hasher.hash(password);
    }
    boolean admin = directory.rolesOf(em, user.id).stream().anyMatch(Role::isAdmin);
    if (user.mfaEnabled) {
      return new Attempt(new MfaRequired(challenge(em, user, "login", now)), null, user, tenant.id);
    }
    if (admin) {
      return new Attempt(
          new EnrollmentRequired(challenge(em, user, "enroll", now)), null, user, tenant.id);
    }
    return new Attempt(
        new Granted(sessions.start(em, user, List.of("pwd"))), null, user, tenant.id);
  }

  private String challenge(EntityManager em, UserEntity user, String purpose, Instant now) {
    MfaChallengeEntity challenge =
        new MfaChallengeEntity(user.id, purpose, now.plusSeconds(Tokens.MFA_SECONDS));
    em.persist(challenge);
    return tokens.mfa(challenge.id, user.id);
  }

  /** Second step: a TOTP code or a recovery code for the user behind an MFA token. */
  public Grant mfa(String mfaToken, String code, String recoveryCode) {
    String challengeId = tokens.verifyMfa(mfaToken);
    String[] failure = new String[1];
    String[] userId = new String[1];
    String[] tenantId = new String[1];
    Grant grant =
        database.inTransaction(
            em -> {
              MfaChallengeEntity challenge = liveChallenge(em, challengeId, "login");
              userId[0] = challenge.userId;
              tenantId[0] = em.find(UserEntity.class, challenge.userId).tenantId;
              limits.consume(limits.mfaPerUser(), challenge.userId);
              UserEntity user =
                  em.find(UserEntity.class, challenge.userId, LockModeType.PESSIMISTIC_WRITE);
              Instant now = clock.instant();
              boolean ok =
                  code != null
                      ? acceptTotp(user, user.mfaSecret, code, now)
                      : useRecoveryCode(em, user, recoveryCode, now);
              if (!ok) {
                challenge.failures++;
                if (challenge.failures >= MAX_MFA_FAILURES_PER_CHALLENGE) {
                  challenge.spentAt = now;
                }
                failure[0] = code != null ? "bad_totp" : "bad_recovery_code";
                return null;
              }
              challenge.spentAt = now;
              return sessions.start(em, user, List.of("pwd", "otp"));
            });
    if (grant == null) {
      metrics.authenticationFailure(failure[0]);
      recordMfaFailure(userId[0], tenantId[0], failure[0]);
      throw invalidCode();
    }
    audit.record(
        AuditEvent.success(
            "auth.mfa",
            Actor.user(userId[0]),
            tenantId[0],
            Target.of("session", grant.sessionId())));
    return grant;
  }

  private MfaChallengeEntity liveChallenge(EntityManager em, String challengeId, String purpose) {
    MfaChallengeEntity challenge =
        em.find(MfaChallengeEntity.class, challengeId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (challenge == null
        || challenge.spentAt != null
        || !now.isBefore(challenge.expiresAt)
        || !purpose.equals(challenge.purpose)) {
      throw Tokens.invalidMfaToken();
    }
    return challenge;
  }

  private boolean acceptTotp(UserEntity user, String base32Secret, String code, Instant now) {
    if (base32Secret == null) {
      return false;
    }
    long step = totp.matchingStep(Base32.decode(base32Secret), code, now, user.mfaLastStep);
    if (step < 0) {
      return false;
    }
    user.mfaLastStep = step;
    return true;
  }

  private boolean useRecoveryCode(EntityManager em, UserEntity user, String code, Instant now) {
    if (code == null || code.length() > 64) {
      return false;
    }
    String hash = RandomTokens.sha256(normaliseRecoveryCode(code));
    List<RecoveryCodeEntity> unused =
        em.createQuery(
                "SELECT c FROM RecoveryCodeEntity c WHERE c.userId = :user AND c.usedAt IS NULL",
                RecoveryCodeEntity.class)
            .setParameter("user", user.id)
            .getResultList();
    for (RecoveryCodeEntity candidate : unused) {
      if (RandomTokens.sameDigest(candidate.codeHash, hash)) {
        candidate.usedAt = now;
        return true;
      }
    }
    return false;
  }

  private static String normaliseRecoveryCode(String code) {
    return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** Starts TOTP enrollment for the holder of an enrollment MFA token or a signed-in user. */
  public Enrollment beginEnrollment(String mfaToken, String signedInUserId) {
    String challengeId = mfaToken == null ? null : tokens.verifyMfa(mfaToken);
    return database.inTransaction(
        em -> {
          UserEntity user = enrollingUser(em, challengeId, signedInUserId);
          String secret = Base32.encode(RandomTokens.bytes(20));
          user.setMfaPendingSecret(secret);
          TenantEntity tenant = em.find(TenantEntity.class, user.tenantId);
          String label =
              URLEncoder.encode(
                      "Monocle:" + tenant.slug + "/" + user.username, StandardCharsets.UTF_8)
                  .replace("+", "%20");
          String uri =
              "otpauth://totp/"
                  + label
                  + "?secret="
                  + secret
                  + "&issuer=Monocle&algorithm=SHA1&digits=6&period=30";
          return new Enrollment(secret, uri, QrCode.pngBase64(uri));
        });
  }

  /** Confirms enrollment with a first code: MFA is on, recovery codes are issued once. */
  public Confirmation confirmEnrollment(String mfaToken, String signedInUserId, String code) {
    String challengeId = mfaToken == null ? null : tokens.verifyMfa(mfaToken);
    String[] userId = new String[1];
    String[] tenantId = new String[1];
    Confirmation confirmation =
        database.inTransaction(
            em -> {
              UserEntity user = enrollingUser(em, challengeId, signedInUserId);
              userId[0] = user.id;
              tenantId[0] = user.tenantId;
              limits.consume(limits.mfaPerUser(), user.id);
              Instant now = clock.instant();
              if (user.mfaPendingSecret == null) {
                throw new ProblemException(
                    409, "no-enrollment", "No enrollment in progress", "Start enrollment first.");
              }
              if (!acceptTotp(user, user.mfaPendingSecret, code, now)) {
                return null;
              }
              user.setMfaSecret(user.mfaPendingSecret);
              user.setMfaPendingSecret(null);
              user.mfaEnabled = true;
              em.createQuery("DELETE FROM RecoveryCodeEntity c WHERE c.userId = :user")
                  .setParameter("user", user.id)
                  .executeUpdate();
              List<String> codes = new ArrayList<>();
              for (int i = 0; i < RECOVERY_CODES; i++) {
                String raw = RandomTokens.base32(20); // 100 bits
                codes.add(
                    String.join(
                        "-",
                        raw.substring(0, 5),
                        raw.substring(5, 10),
                        raw.substring(10, 15),
                        raw.substring(15)));
                em.persist(new RecoveryCodeEntity(user.id, RandomTokens.sha256(raw)));
              }
              // Every open enrollment challenge of the user is spent: none can replace this secret.
              em.createQuery(
                      "UPDATE MfaChallengeEntity c SET c.spentAt = :now"
                          + " WHERE c.userId = :user AND c.purpose = 'enroll' AND c.spentAt IS NULL")
                  .setParameter("now", now)
                  .setParameter("user", user.id)
                  .executeUpdate();
              Grant grant =
                  challengeId == null ? null : sessions.start(em, user, List.of("pwd", "otp"));
              return new Confirmation(codes, grant);
            });
    if (confirmation == null) {
      metrics.authenticationFailure("bad_totp");
      recordMfaFailure(userId[0], tenantId[0], "bad_enrollment_code");
      throw new ProblemException(
          400,
          "invalid-code",
          "Invalid code",
          "The code does not match the secret being enrolled; check the device clock.",
          List.of(new FieldError("code", "does not match")),
          Map.of());
    }
    audit.record(
        AuditEvent.success(
            "auth.mfa_enrolled", Actor.user(userId[0]), tenantId[0], Target.of("user", userId[0])));
    return confirmation;
  }

  private UserEntity enrollingUser(EntityManager em, String challengeId, String signedInUserId) {
    if (challengeId != null) {
      MfaChallengeEntity challenge = liveChallenge(em, challengeId, "enroll");
      UserEntity user = em.find(UserEntity.class, challenge.userId, LockModeType.PESSIMISTIC_WRITE);
      if (user.mfaEnabled) {
        throw mfaAlreadyEnabled();
      }
      return user;
    }
    if (signedInUserId == null) {
      throw Tokens.invalidMfaToken();
    }
    UserEntity user = em.find(UserEntity.class, signedInUserId, LockModeType.PESSIMISTIC_WRITE);
    if (user.mfaEnabled) {
      throw mfaAlreadyEnabled();
    }
    return user;
  }

  /** Changes the caller's password and ends their other sessions. */
  public void changePassword(String userId, String sessionId, String current, String next) {
    limits.consume(limits.mfaPerUser(), "password:" + userId);
    String tenantId =
        database.inTransaction(
            em -> {
              UserEntity user = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
              if (current == null || !hasher.verify(current, user.passwordHash)) {
                metrics.authenticationFailure("bad_current_password");
                throw ProblemException.validation(
                    List.of(new FieldError("current_password", "is not your current password")));
              }
              requireStrong(next, "new_password", user.username, user.email);
              user.passwordHash = hasher.hash(next);
              user.passwordChangedAt = clock.instant();
              sessions.revokeAll(em, userId, "password_changed", sessionId);
              return user.tenantId;
            });
    audit.record(
        AuditEvent.success(
            "auth.password_changed", Actor.user(userId), tenantId, Target.of("user", userId)));
  }

  /** Throws a 400 naming {@code field} when {@code password} breaks the policy. */
  void requireStrong(String password, String field, String... userInputs) {
    policy
        .problem(password, userInputs)
        .ifPresent(
            p -> {
              throw ProblemException.validation(List.of(new FieldError(field, p)));
            });
  }

  String hash(String password) {
    return hasher.hash(password);
  }

  /** Ends the caller's session: its refresh tokens and access tokens stop working. */
  public void logout(String userId, String sessionId) {
    String tenantId =
        database.inTransaction(
            em -> {
              SessionEntity session =
                  em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
              if (session != null && session.userId.equals(userId) && session.revokedAt == null) {
                sessions.revoke(session, "logout", clock.instant());
              }
              return session == null ? null : session.tenantId;
            });
    audit.record(
        AuditEvent.success(
            "auth.logout", Actor.user(userId), tenantId, Target.of("session", sessionId)));
  }

  private static ProblemException mfaAlreadyEnabled() {
    return new ProblemException(
        409,
        "mfa-enabled",
        "MFA already enabled",
        "MFA is already enabled; an administrator can reset it.");
  }

  static ProblemException invalidCredentials() {
    return new ProblemException(
        401,
        "invalid-credentials",
        "Sign-in failed",
        "The tenant, username or password is wrong, or the account cannot sign in now.",
        List.of(),
        Map.of());
  }

  static ProblemException invalidCode() {
    return new ProblemException(
        401, "invalid-code", "Invalid code", "The code is wrong, expired or already used.");
  }

  private void recordMfaFailure(String userId, String tenantId, String reason) {
    audit.record(
        AuditEvent.failure(
            "auth.mfa_failed", Actor.user(userId), tenantId, Target.of("user", userId), reason));
  }
}
