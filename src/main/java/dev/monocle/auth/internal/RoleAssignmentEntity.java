package dev.monocle.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A role held by a user: who granted it, when, and when it was last reviewed. */
@Entity
@Table(name = "auth_role_assignment")
public class RoleAssignmentEntity {

  @Id String id;

  @Column(name = "user_id")
  String userId;

  String role;

  @Column(name = "granted_by")
  String grantedBy;

  @Column(name = "granted_at")
  Instant grantedAt;

  @Column(name = "last_reviewed_at")
  Instant lastReviewedAt;

  @Column(name = "reviewed_by")
  String reviewedBy;

  protected RoleAssignmentEntity() {}

  RoleAssignmentEntity(String userId, String role, String grantedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.role = role;
    this.grantedBy = grantedBy;
    this.grantedAt = now;
  }
}
