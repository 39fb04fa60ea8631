package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.Caller;
import dev.monocle.platform.Database;
import dev.monocle.platform.ETags;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The administration of tenants, users, roles and API keys. Tenant admins act within their own
 * tenant; platform admins across all. Every change is an {@code admin.*} / {@code apikey.*} audit
 * event with the admin as actor; role changes, disabling and MFA resets end the user's sessions.
 */
@ApplicationScoped
public class Administration {

  @Inject Database database;
  @Inject Directory directory;
  @Inject SessionStore sessions;
  @Inject ApiKeyStore apiKeys;
  @Inject Logins logins;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public record TenantView(
      String id,
      String slug,
      String name,
      String status,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  public record UserView(
      String id,
      String tenantId,
      String tenant,
      String username,
      String email,
      List<String> roles,
      boolean disabled,
      boolean mfaEnabled,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  public record RoleAssignmentView(
      String id,
      String userId,
      String username,
      String tenant,
      String role,
      String grantedBy,
      Instant grantedAt,
      Instant lastReviewedAt,
      String reviewedBy) {}

  public record SessionView(
      String id,
      String userId,
      String username,
      String tenant,
      Instant createdAt,
      Instant lastUsedAt,
      Instant expiresAt,
      String amr) {}

  public record ApiKeyView(
      String id,
      String tenantId,
      String name,
      String prefix,
      List<String> scopes,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt) {}

  public record IssuedApiKey(
      String id,
      String tenantId,
      String key,
      String prefix,
      List<String> scopes,
      Instant expiresAt,
      Instant previousKeyExpiresAt) {}

  // ---------------------------------------------------------------- tenants

  public Page<TenantView> tenants(Page.Request page) {
    return database.inTransaction(
        em ->
            Page.of(
                pageOf(em, TenantEntity.class, null, page).stream()
                    .map(Administration::view)
                    .toList(),
                page.limit(),
                TenantView::id));
  }

  public TenantView createTenant(Caller admin, String slug, String name) {
    TenantView created =
        database.inTransaction(
            em -> {
              if (directory.tenantBySlug(em, slug).isPresent()) {
                throw conflict("slug", "is taken");
              }
              TenantEntity tenant = new TenantEntity(slug, name, clock.instant());
              em.persist(tenant);
              em.flush();
              return view(tenant);
            });
    record(admin, "admin.tenant_created", created.id(), Target.of("tenant", created.id()));
    return created;
  }

  public TenantView tenant(String id) {
    return database.inTransaction(em -> view(findTenant(em, id)));
  }

  public TenantView patchTenant(Caller admin, String id, Long ifMatch, String name, String status) {
    TenantView changed =
        database.inTransaction(
            em -> {
              TenantEntity tenant = findTenant(em, id);
              ETags.requireMatch(ifMatch, tenant.version);
              if (name != null) {
                tenant.name = name;
              }
              if (status != null && !status.equals(tenant.status)) {
                if (TenantEntity.PLATFORM.equals(tenant.slug)) {
                  throw new ProblemException(
                      409, "conflict", "Conflict", "The platform tenant cannot be suspended.");
                }
                tenant.status = status;
                apiKeys.forgetTenant(tenant.id);
                if (!tenant.isActive()) {
                  for (String userId : userIdsOf(em, tenant.id)) {
                    sessions.revokeAll(em, userId, "tenant_suspended", null);
                  }
                }
              }
              tenant.updatedAt = clock.instant();
              em.flush();
              return view(tenant);
            });
    record(admin, "admin.tenant_changed", id, Target.of("tenant", id));
    return changed;
  }

  private static List<String> userIdsOf(EntityManager em, String tenantId) {
    return em.createQuery("SELECT u.id FROM UserEntity u WHERE u.tenantId = :t", String.class)
        .setParameter("t", tenantId)
        .getResultList();
  }

  private TenantEntity findTenant(EntityManager em, String id) {
    TenantEntity tenant = em.find(TenantEntity.class, id);
    if (tenant == null) {
      throw ProblemException.notFound();
    }
    return tenant;
  }

  // ---------------------------------------------------------------- users

  public Page<UserView> users(Caller admin, Page.Request page) {
    return database.inTransaction(
        em ->
            Page.of(
                pageOf(em, UserEntity.class, visibleTenant(admin), page).stream()
                    .map(u -> view(em, u))
                    .toList(),
                page.limit(),
                UserView::id));
  }

  public UserView createUser(
      Caller admin,
      String tenantSlug,
      String username,
      String email,
      String password,
      List<String> roleNames) {
    Set<Role> roles = parseRoles(roleNames);
    logins.requireStrong(password, "password", username, email);
    String hash = logins.hash(password);
    UserView created =
        database.inTransaction(
            em -> {
              TenantEntity tenant = targetTenant(em, admin, tenantSlug);
              checkGrantable(admin, tenant, roles);
              if (directory.user(em, tenant.id, username).isPresent()) {
                throw conflict("username", "is taken in this tenant");
              }
              Instant now = clock.instant();
              UserEntity user = new UserEntity(tenant.id, username, hash, now);
              user.setEmail(email, directory.emailIndex(email));
              em.persist(user);
              em.flush();
              directory.setRoles(em, user.id, roles, admin.id(), now);
              em.flush();
              return view(em, user);
            });
    record(admin, "admin.user_created", created.tenantId(), Target.of("user", created.id()));
    if (!roles.isEmpty()) {
      record(admin, "admin.roles_changed", created.tenantId(), Target.of("user", created.id()));
    }
    return created;
  }

  public UserView user(Caller admin, String id) {
    return database.inTransaction(em -> view(em, findUser(em, admin, id)));
  }

  public UserView patchUser(
      Caller admin,
      String id,
      Long ifMatch,
      List<String> roleNames,
      Boolean disabled,
      String email) {
    Set<Role> roles = roleNames == null ? null : parseRoles(roleNames);
    List<String> actions = new ArrayList<>();
    UserView changed =
        database.inTransaction(
            em -> {
              UserEntity user = findUser(em, admin, id);
              requireMayManage(em, admin, user);
              em.lock(user, LockModeType.PESSIMISTIC_WRITE);
              ETags.requireMatch(ifMatch, user.version);
              Instant now = clock.instant();
              if (roles != null) {
                checkGrantable(admin, em.find(TenantEntity.class, user.tenantId), roles);
                if (directory.setRoles(em, user.id, roles, admin.id(), now)) {
                  sessions.revokeAll(em, user.id, "roles_changed", null);
                  actions.add("admin.roles_changed");
                }
              }
              if (disabled != null && disabled != user.disabled) {
                if (disabled && user.id.equals(admin.id())) {
                  throw new ProblemException(
                      409, "conflict", "Conflict", "You cannot disable yourself.");
                }
                user.disabled = disabled;
                if (disabled) {
                  sessions.revokeAll(em, user.id, "user_disabled", null);
                }
                actions.add(disabled ? "admin.user_disabled" : "admin.user_enabled");
              }
              if (email != null) {
                user.setEmail(email, directory.emailIndex(email));
                actions.add("admin.user_changed");
              }
              user.updatedAt = now;
              em.flush();
              return view(em, user);
            });
    actions.forEach(a -> record(admin, a, changed.tenantId(), Target.of("user", id)));
    return changed;
  }

  public int revokeSessions(Caller admin, String id) {
    String[] tenant = new String[1];
    int count =
        database.inTransaction(
            em -> {
              UserEntity user = findUser(em, admin, id);
              requireMayManage(em, admin, user);
              tenant[0] = user.tenantId;
              return sessions.revokeAll(em, user.id, "admin_revoked", null);
            });
    record(admin, "admin.sessions_revoked", tenant[0], Target.of("user", id));
    return count;
  }

  public void resetMfa(Caller admin, String id) {
    String tenant =
        database.inTransaction(
            em -> {
              UserEntity user = findUser(em, admin, id);
              requireMayManage(em, admin, user);
              user.mfaEnabled = false;
              user.setMfaSecret(null);
              user.setMfaPendingSecret(null);
              em.createQuery("DELETE FROM RecoveryCodeEntity c WHERE c.userId = :u")
                  .setParameter("u", user.id)
                  .executeUpdate();
              sessions.revokeAll(em, user.id, "mfa_reset", null);
              return user.tenantId;
            });
    record(admin, "admin.mfa_reset", tenant, Target.of("user", id));
  }

  public Page<RoleAssignmentView> roleAssignments(Caller admin, Page.Request page) {
    return database.inTransaction(
        em -> {
          List<RoleAssignmentView> rows =
              withUserAndTenant(em, admin, "RoleAssignmentEntity", "", page)
                  .getResultList()
                  .stream()
                  .map(row -> view((RoleAssignmentEntity) row[0], (String) row[1], (String) row[2]))
                  .toList();
          return Page.of(rows, page.limit(), RoleAssignmentView::id);
        });
  }

  /**
   * One page (by id) of {@code entity}, aliased {@code e} and owned by a user, with that user's
   * name and tenant slug, in the admin's scope: every tenant for platform admins, else their own.
   * {@code condition} adds {@code " AND ..."} terms on {@code e}; the caller binds their
   * parameters.
   */
  private static TypedQuery<Object[]> withUserAndTenant(
      EntityManager em, Caller admin, String entity, String condition, Page.Request page) {
    TypedQuery<Object[]> q =
        em.createQuery(
                "SELECT e, u.username, t.slug FROM "
                    + entity
                    + " e, UserEntity u, TenantEntity t"
                    + " WHERE e.userId = u.id AND u.tenantId = t.id"
                    + condition
                    + " AND "
                    + afterClause("e", page)
                    + (admin.isPlatformWide() ? "" : " AND u.tenantId = :tenant")
                    + " ORDER BY e.id",
                Object[].class)
            .setMaxResults(page.limit() + 1);
    bindAfter(q, page);
    if (!admin.isPlatformWide()) {
      q.setParameter("tenant", admin.tenantId());
    }
    return q;
  }

  /**
   * Records that a role assignment was reviewed now by {@code reviewer}; scoped like {@link
   * #roleAssignments}: another tenant's assignment is not found.
   */
  public RoleAssignmentView markReviewed(Caller reviewer, String assignmentId) {
    String[] tenant = new String[1];
    RoleAssignmentView reviewed =
        database.inTransaction(
            em -> {
              RoleAssignmentEntity r =
                  assignmentId == null || assignmentId.length() > 64
                      ? null
                      : em.find(
                          RoleAssignmentEntity.class, assignmentId, LockModeType.PESSIMISTIC_WRITE);
              if (r == null) {
                throw ProblemException.notFound();
              }
              UserEntity user = em.find(UserEntity.class, r.userId);
              requireOwnTenant(reviewer, user.tenantId, "role_assignment", assignmentId);
              r.lastReviewedAt = clock.instant();
              r.reviewedBy = reviewer.id();
              em.flush();
              tenant[0] = user.tenantId;
              return view(r, user.username, em.find(TenantEntity.class, user.tenantId).slug);
            });
    record(reviewer, "admin.role_reviewed", tenant[0], Target.of("role_assignment", assignmentId));
    return reviewed;
  }

  // ---------------------------------------------------------------- sessions

  /** Live sessions (neither revoked nor expired): all for platform admins, else the tenant's. */
  public Page<SessionView> sessions(Caller admin, Page.Request page) {
    return database.inTransaction(
        em -> {
          List<SessionView> rows =
              withUserAndTenant(
                      em,
                      admin,
                      "SessionEntity",
                      " AND e.revokedAt IS NULL AND e.expiresAt > :now",
                      page)
                  .setParameter("now", clock.instant())
                  .getResultList()
                  .stream()
                  .map(
                      row -> {
                        SessionEntity s = (SessionEntity) row[0];
                        return new SessionView(
                            s.id,
                            s.userId,
                            (String) row[1],
                            (String) row[2],
                            s.createdAt,
                            s.lastUsedAt,
                            s.expiresAt,
                            s.amr);
                      })
                  .toList();
          return Page.of(rows, page.limit(), SessionView::id);
        });
  }

  /**
   * Ends one session like {@link #revokeSessions} ends all of a user's: in the database and in the
   * revoked-session cache the access filter checks, so its access tokens stop working at once.
   */
  public void revokeSession(Caller admin, String sessionId) {
    String tenant =
        database.inTransaction(
            em -> {
              SessionEntity session =
                  sessionId == null || sessionId.length() > 64
                      ? null
                      : em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
              if (session == null) {
                throw ProblemException.notFound();
              }
              requireOwnTenant(admin, session.tenantId, "session", sessionId);
              requireMayManage(em, admin, em.find(UserEntity.class, session.userId));
              if (session.revokedAt == null) {
                sessions.revoke(session, "admin_revoked", clock.instant());
              }
              return session.tenantId;
            });
    record(admin, "admin.session_revoked", tenant, Target.of("session", sessionId));
  }

  private UserEntity findUser(EntityManager em, Caller admin, String id) {
    UserEntity user = id == null || id.length() > 64 ? null : em.find(UserEntity.class, id);
    if (user == null) {
      throw ProblemException.notFound();
    }
    requireOwnTenant(admin, user.tenantId, "user", id);
    return user;
  }

  /** A user holding platform_admin is managed by platform admins only. */
  private void requireMayManage(EntityManager em, Caller admin, UserEntity user) {
    if (!admin.has(Role.PLATFORM_ADMIN)
        && directory.rolesOf(em, user.id).contains(Role.PLATFORM_ADMIN)) {
      audit.record(
          AuditEvent.denied(
              "authz.decision",
              Actor.user(admin.id()),
              admin.tenantId(),
              Target.of("user", user.id),
              "only a platform admin manages a platform admin"));
      throw ProblemException.forbidden();
    }
  }

  /** Another tenant's object: audited as a denial, answered as if it did not exist. */
  /** 404 (and an audited denial) for an object of another tenant, unless platform-wide. */
  private void requireOwnTenant(Caller admin, String tenantId, String type, String id) {
    if (admin.isPlatformWide() || tenantId.equals(admin.tenantId())) {
      return;
    }
    audit.record(
        AuditEvent.denied(
            "authz.decision",
            Actor.user(admin.id()),
            admin.tenantId(),
            Target.of(type, id),
            "object of another tenant"));
    throw ProblemException.notFound();
  }

  /** The tenant a new object goes to: the caller's own, or (platform only) the named one. */
  private TenantEntity targetTenant(EntityManager em, Caller admin, String tenantSlug) {
    if (tenantSlug == null || tenantSlug.equals(admin.tenantSlug())) {
      return em.find(TenantEntity.class, admin.tenantId());
    }
    if (!admin.isPlatformWide()) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "You can only create objects in your own tenant.",
          List.of(new FieldError("tenant", "is not yours")),
          Map.of());
    }
    return directory
        .tenantBySlug(em, tenantSlug)
        .orElseThrow(
            () -> ProblemException.validation(List.of(new FieldError("tenant", "does not exist"))));
  }

  private static void checkGrantable(Caller admin, TenantEntity tenant, Set<Role> roles) {
    boolean platformTenant = TenantEntity.PLATFORM.equals(tenant.slug);
    if (roles.contains(Role.PLATFORM_ADMIN)
        && (!admin.has(Role.PLATFORM_ADMIN) || !platformTenant)) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "platform_admin can only be granted by a platform admin, in tenant platform.",
          List.of(new FieldError("roles", "platform_admin cannot be granted here")),
          Map.of());
    }
  }

  static Set<Role> parseRoles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<FieldError> errors = new ArrayList<>();
    for (String name : names == null ? List.<String>of() : names) {
      Role.fromWire(String.valueOf(name))
          .ifPresentOrElse(roles::add, () -> errors.add(new FieldError("roles", "unknown role")));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return roles;
  }

  // ---------------------------------------------------------------- API keys

  public Page<ApiKeyView> apiKeys(Caller admin, Page.Request page) {
    return database.inTransaction(
        em ->
            Page.of(
                pageOf(em, ApiKeyEntity.class, visibleTenant(admin), page).stream()
                    .map(Administration::view)
                    .toList(),
                page.limit(),
                ApiKeyView::id));
  }

  public IssuedApiKey createApiKey(
      Caller admin,
      String tenantSlug,
      String name,
      List<String> scopeNames,
      Integer expiresInDays) {
    Set<Scope> scopes = parseScopes(scopeNames);
    if (scopes.contains(Scope.DECODER_NODE) && !admin.isPlatformWide()) {
      // a decoder:node key reads every tenant's text sent for translation: platform admins only
      throw ProblemException.validation(
          List.of(new FieldError("scopes", "decoder:node keys are issued by platform admins")));
    }
    int days = expiresInDays == null ? 90 : expiresInDays;
    IssuedApiKey issued =
        database.inTransaction(
            em -> {
              TenantEntity tenant = targetTenant(em, admin, tenantSlug);
              Instant expires = clock.instant().plus(java.time.Duration.ofDays(days));
              ApiKeyStore.IssuedKey key =
                  apiKeys.issue(em, tenant.id, name, scopes, expires, admin.id());
              return issuedView(key, null);
            });
    record(admin, "apikey.created", issued.tenantId(), Target.of("api_key", issued.id()));
    return issued;
  }

  public void revokeApiKey(Caller admin, String id) {
    String tenant =
        database.inTransaction(
            em -> {
              ApiKeyEntity key = findKey(em, admin, id);
              if (key.revokedAt == null) {
                key.revokedAt = clock.instant();
              }
              apiKeys.forget(key.prefix);
              return key.tenantId;
            });
    record(admin, "apikey.revoked", tenant, Target.of("api_key", id));
  }

  public IssuedApiKey rotateApiKey(Caller admin, String id) {
    IssuedApiKey issued =
        database.inTransaction(
            em -> {
              ApiKeyEntity old = findKey(em, admin, id);
              em.lock(old, LockModeType.PESSIMISTIC_WRITE);
              Instant now = clock.instant();
              if (!old.isUsable(now) || old.replacedBy != null) {
                throw new ProblemException(
                    409,
                    "conflict",
                    "Conflict",
                    "Only a live key that was not rotated yet can be rotated.");
              }
              Set<Scope> scopes = parseScopes(List.of(old.scopes.split(" ")));
              ApiKeyStore.IssuedKey fresh =
                  apiKeys.issue(
                      em,
                      old.tenantId,
                      old.name,
                      scopes,
                      now.plus(java.time.Duration.ofDays(90)),
                      admin.id());
              Instant graceEnd = now.plus(ApiKeyStore.ROTATION_GRACE);
              if (old.expiresAt.isAfter(graceEnd)) {
                old.expiresAt = graceEnd;
              }
              old.replacedBy = fresh.entity().id;
              apiKeys.forget(old.prefix);
              return issuedView(fresh, old.expiresAt);
            });
    record(admin, "apikey.rotated", issued.tenantId(), Target.of("api_key", id));
    return issued;
  }

  private ApiKeyEntity findKey(EntityManager em, Caller admin, String id) {
    ApiKeyEntity key = id == null || id.length() > 64 ? null : em.find(ApiKeyEntity.class, id);
    if (key == null) {
      throw ProblemException.notFound();
    }
    requireOwnTenant(admin, key.tenantId, "api_key", id);
    return key;
  }

  static Set<Scope> parseScopes(List<String> names) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : names == null ? List.<String>of() : names) {
      scopes.add(
          Scope.fromWire(String.valueOf(name))
              .orElseThrow(
                  () ->
                      ProblemException.validation(
                          List.of(new FieldError("scopes", "unknown scope")))));
    }
    if (scopes.isEmpty()) {
      throw ProblemException.validation(
          List.of(new FieldError("scopes", "must name at least one scope")));
    }
    return scopes;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * One page of an entity ordered by id after the cursor, limited to one tenant unless {@code
   * tenantId} is null (keyset pagination: stable under inserts).
   */
  private static <E> List<E> pageOf(
      EntityManager em, Class<E> type, String tenantId, Page.Request page) {
    String where = afterClause("e", page) + (tenantId == null ? "" : " AND e.tenantId = :tenant");
    TypedQuery<E> q =
        em.createQuery(
                "SELECT e FROM " + type.getSimpleName() + " e WHERE " + where + " ORDER BY e.id",
                type)
            .setMaxResults(page.limit() + 1);
    bindAfter(q, page);
    if (tenantId != null) {
      q.setParameter("tenant", tenantId);
    }
    return q.getResultList();
  }

  /** The tenant whose objects the caller may list; null for platform-wide callers. */
  private static String visibleTenant(Caller admin) {
    return admin.isPlatformWide() ? null : admin.tenantId();
  }

  /** Keyset pagination by id; no null parameter (PostgreSQL cannot type one). */
  private static String afterClause(String alias, Page.Request page) {
    return page.after() == null ? "1 = 1" : alias + ".id > :after";
  }

  private static void bindAfter(TypedQuery<?> q, Page.Request page) {
    if (page.after() != null) {
      q.setParameter("after", page.after());
    }
  }

  private void record(Caller admin, String action, String tenantId, Target target) {
    audit.record(
        AuditEvent.success(
            action,
            Actor.user(admin.id()),
            tenantId == null ? admin.tenantId() : tenantId,
            target));
  }

  private static ProblemException conflict(String field, String message) {
    return ProblemException.conflict(
        "The " + field + " " + message + ".", new FieldError(field, message));
  }

  private static TenantView view(TenantEntity t) {
    return new TenantView(t.id, t.slug, t.name, t.status, t.createdAt, t.updatedAt, t.version);
  }

  private UserView view(EntityManager em, UserEntity u) {
    TenantEntity tenant = em.find(TenantEntity.class, u.tenantId);
    return new UserView(
        u.id,
        u.tenantId,
        tenant.slug,
        u.username,
        u.email,
        directory.rolesOf(em, u.id).stream().map(Role::wireName).toList(),
        u.disabled,
        u.mfaEnabled,
        u.createdAt,
        u.updatedAt,
        u.version);
  }

  private static RoleAssignmentView view(RoleAssignmentEntity r, String username, String tenant) {
    return new RoleAssignmentView(
        r.id,
        r.userId,
        username,
        tenant,
        r.role,
        r.grantedBy,
        r.grantedAt,
        r.lastReviewedAt,
        r.reviewedBy);
  }

  private static ApiKeyView view(ApiKeyEntity k) {
    return new ApiKeyView(
        k.id,
        k.tenantId,
        k.name,
        k.prefix,
        List.of(k.scopes.split(" ")),
        k.createdAt,
        k.expiresAt,
        k.revokedAt,
        k.lastUsedAt);
  }

  private static IssuedApiKey issuedView(ApiKeyStore.IssuedKey key, Instant previousExpires) {
    ApiKeyEntity k = key.entity();
    return new IssuedApiKey(
        k.id,
        k.tenantId,
        key.key(),
        k.prefix,
        List.of(k.scopes.split(" ")),
        k.expiresAt,
        previousExpires);
  }
}
