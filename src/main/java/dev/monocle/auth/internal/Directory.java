package dev.monocle.auth.internal;

import dev.monocle.platform.BlindIndex;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Tenants, users and their role assignments, as the rest of auth reads and changes them. */
@ApplicationScoped
public class Directory {

  static final String EMAIL_INDEX = "auth_user.email";

  @Inject BlindIndex blindIndex;

  Optional<TenantEntity> tenantBySlug(EntityManager em, String slug) {
    return em.createQuery("SELECT t FROM TenantEntity t WHERE t.slug = :slug", TenantEntity.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  Optional<UserEntity> user(EntityManager em, String tenantId, String username) {
    return em.createQuery(
            "SELECT u FROM UserEntity u WHERE u.tenantId = :tenant AND u.username = :name",
            UserEntity.class)
        .setParameter("tenant", tenantId)
        .setParameter("name", username)
        .getResultStream()
        .findFirst();
  }

  List<RoleAssignmentEntity> assignmentsOf(EntityManager em, String userId) {
    return em.createQuery(
            "SELECT r FROM RoleAssignmentEntity r WHERE r.userId = :user",
            RoleAssignmentEntity.class)
        .setParameter("user", userId)
        .getResultList();
  }

  List<Role> rolesOf(EntityManager em, String userId) {
    return assignmentsOf(em, userId).stream()
        .map(r -> Role.fromWire(r.role))
        .flatMap(Optional::stream)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** Replaces a user's roles, keeping the grant history of roles that stay. */
  boolean setRoles(
      EntityManager em, String userId, Set<Role> wanted, String grantedBy, Instant now) {
    List<RoleAssignmentEntity> current = assignmentsOf(em, userId);
    Set<String> wantedNames = wanted.stream().map(Role::wireName).collect(Collectors.toSet());
    boolean changed = false;
    for (RoleAssignmentEntity held : current) {
      if (!wantedNames.contains(held.role)) {
        em.remove(held);
        changed = true;
      }
    }
    Set<String> held = current.stream().map(r -> r.role).collect(Collectors.toSet());
    for (String role : wantedNames) {
      if (!held.contains(role)) {
        em.persist(new RoleAssignmentEntity(userId, role, grantedBy, now));
        changed = true;
      }
    }
    return changed;
  }

  String emailIndex(String email) {
    return blindIndex.of(EMAIL_INDEX, email);
  }

  boolean platformAdminExists(EntityManager em) {
    return em.createQuery(
                "SELECT COUNT(r) FROM RoleAssignmentEntity r WHERE r.role = :role", Long.class)
            .setParameter("role", Role.PLATFORM_ADMIN.wireName())
            .getSingleResult()
        > 0;
  }
}
