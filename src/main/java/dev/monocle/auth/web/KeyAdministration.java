package dev.monocle.auth.web;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.SigningKeys;
import dev.monocle.platform.DataKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The keys as platform admins see and rotate them, for the keys API and the console page alike:
 * ids, states and ages (never key material), and rotations, each recorded as a {@code keys.rotated}
 * event with the admin as actor.
 */
@Dependent
class KeyAdministration {

  @Inject SigningKeys signingKeys;
  @Inject DataKeys dataKeys;
  @Inject AuditTrail audit;

  /** Every key as of {@code now}. */
  record Overview(
      List<AdminKeysResource.SigningKeyView> signing,
      AdminKeysResource.DataKeysView data,
      AdminKeysResource.KeyView blindIndex) {
    Overview {
      signing = List.copyOf(signing);
    }
  }

  Overview overview(Instant now) {
    List<AdminKeysResource.SigningKeyView> signing =
        signingKeys.all().stream().map(k -> AdminKeysResource.SigningKeyView.of(k, now)).toList();
    DataKeys.Status data = dataKeys.status();
    return new Overview(
        signing,
        new AdminKeysResource.DataKeysView(
            data.primaryKeyId(),
            data.keys().stream().map(k -> AdminKeysResource.KeyView.of(k, now)).toList(),
            data.reencryption().map(AdminKeysResource.ProgressView::of).orElse(null)),
        AdminKeysResource.KeyView.of(data.blindIndexKey(), now));
  }

  /** A new signing key, published now and signing after the publish delay; returns its kid. */
  String rotateSigning(Caller admin) {
    String kid = signingKeys.rotate();
    recordRotation(admin, "signing_key", kid);
    return kid;
  }

  /** A new primary data key; re-encryption onto it runs in the background. */
  DataKeys.Progress rotateData(Caller admin) {
    DataKeys.Progress progress = dataKeys.rotate();
    recordRotation(admin, "data_key", Long.toString(progress.targetKeyId()));
    return progress;
  }

  /** A new blind-index key, every blind-index column rebuilt before it returns. */
  DataKeys.BlindIndexRotation rotateBlindIndex(Caller admin) {
    DataKeys.BlindIndexRotation rotation = dataKeys.rotateBlindIndex();
    recordRotation(admin, "blind_index_key", Long.toString(rotation.keyId()));
    return rotation;
  }

  /** The {@code keys.rotated} event of every rotation, with the admin as actor. */
  private void recordRotation(Caller admin, String keyType, String keyId) {
    audit.record(
        AuditEvent.success(
            "keys.rotated", Actor.user(admin.id()), admin.tenantId(), Target.of(keyType, keyId)));
  }
}
