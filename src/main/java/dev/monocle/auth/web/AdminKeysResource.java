package dev.monocle.auth.web;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.auth.internal.SigningKeys;
import dev.monocle.platform.DataKeys;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Key ids, ages and states (never key material), and signing-key rotation. Platform admins. */
@Path("api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.PLATFORM_ADMIN)
public class AdminKeysResource {

  @Inject SigningKeys signingKeys;
  @Inject DataKeys dataKeys;
  @Inject CurrentCaller current;
  @Inject AuditTrail audit;

  /** A signing key as shown to admins. */
  public record SigningKeyView(
      String kid, Instant createdAt, Instant activeFrom, Instant retiredAt, String state) {}

  /** A data or blind-index key as shown to admins: id, state, age; never material. */
  public record KeyView(
      long id,
      String state,
      @JsonbNillable Instant createdAt,
      @JsonbNillable Long ageDays,
      @JsonbNillable Instant retiredAt,
      @JsonbNillable Instant removedAt) {

    static KeyView of(DataKeys.Key key, Instant now) {
      return new KeyView(
          key.id(),
          key.state(),
          key.createdAt(),
          key.createdAt() == null ? null : Duration.between(key.createdAt(), now).toDays(),
          key.retiredAt(),
          key.removedAt());
    }
  }

  /** Where re-encryption stands. */
  public record ProgressView(
      String id,
      long targetKeyId,
      String state,
      int percent,
      long rowsTotal,
      long rowsScanned,
      long valuesResealed,
      int passes,
      Instant startedAt,
      @JsonbNillable Instant finishedAt) {

    static ProgressView of(DataKeys.Progress p) {
      return new ProgressView(
          p.id(),
          p.targetKeyId(),
          p.state(),
          p.percent(),
          p.rowsTotal(),
          p.rowsScanned(),
          p.valuesResealed(),
          p.passes(),
          p.startedAt(),
          p.finishedAt());
    }
  }

  /** The data keys, their primary and the newest re-encryption job. */
  public record DataKeysView(
      long primaryKeyId, List<KeyView> keys, @JsonbNillable ProgressView reencryption) {
    public DataKeysView {
      keys = List.copyOf(keys);
    }
  }

  @GET
  public Map<String, Object> keys() {
    Instant now = Instant.now();
    List<SigningKeyView> signing =
        signingKeys.all().stream()
            .map(
                k ->
                    new SigningKeyView(
                        k.kid(),
                        k.createdAt(),
                        k.activeFrom(),
                        k.retiredAt(),
                        k.activeFrom().isAfter(now)
                            ? "published"
                            : k.retiredAt() != null && !k.retiredAt().isAfter(now)
                                ? "retired"
                                : "active"))
            .toList();
    DataKeys.Status data = dataKeys.status();
    return Map.of(
        "signing",
        signing,
        "data",
        new DataKeysView(
            data.primaryKeyId(),
            data.keys().stream().map(k -> KeyView.of(k, now)).toList(),
            data.reencryption().map(ProgressView::of).orElse(null)),
        "blind_index",
        KeyView.of(data.blindIndexKey(), now));
  }

  /**
   * A new blind-index key, and every blind-index column rebuilt before the answer (a maintenance
   * operation: lookups by email may miss rows while it runs; see the README).
   */
  @POST
  @Path("blind-index/rotate")
  public Map<String, Object> rotateBlindIndex() {
    DataKeys.BlindIndexRotation rotation = dataKeys.rotateBlindIndex();
    recordRotation("blind_index_key", Long.toString(rotation.keyId()));
    return Map.of("key_id", rotation.keyId(), "rows_reindexed", rotation.rowsReindexed());
  }

  /**
   * A new primary data key; every sealed value is re-encrypted onto it in the background (progress
   * in {@code GET}), and retired keys are deleted once nothing uses them.
   */
  @POST
  @Path("data/rotate")
  public Response rotateData() {
    DataKeys.Progress progress = dataKeys.rotate();
    recordRotation("data_key", Long.toString(progress.targetKeyId()));
    return Response.accepted(
            Map.of("key_id", progress.targetKeyId(), "reencryption", ProgressView.of(progress)))
        .build();
  }

  @POST
  @Path("signing/rotate")
  public Map<String, Object> rotateSigning() {
    String kid = signingKeys.rotate();
    recordRotation("signing_key", kid);
    return Map.of("kid", kid);
  }

  /** The {@code keys.rotated} event of every rotation, with the admin as actor. */
  private void recordRotation(String keyType, String keyId) {
    audit.record(
        AuditEvent.success(
            "keys.rotated",
            Actor.user(current.caller().id()),
            current.caller().tenantId(),
            Target.of(keyType, keyId)));
  }
}
