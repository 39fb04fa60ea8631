package dev.monocle.auth.web;

import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.auth.internal.SigningKeys;
import dev.monocle.platform.DataKeys;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * Key ids, ages and states (never key material), and key rotation. Platform admins. The work is
 * {@link KeyAdministration}'s, which the console's keys page shares.
 */
@Path("api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.PLATFORM_ADMIN)
@ApplicationScoped
public class AdminKeysResource {

  @Inject KeyAdministration administration;
  @Inject CurrentCaller current;

  /**
   * A signing key as shown to admins: {@code published} before it signs, {@code active}, then
   * {@code retired}.
   */
  public record SigningKeyView(
      String kid, Instant createdAt, Instant activeFrom, Instant retiredAt, String state) {

    static SigningKeyView of(SigningKeys.Key k, Instant now) {
      return new SigningKeyView(
          k.kid(),
          k.createdAt(),
          k.activeFrom(),
          k.retiredAt(),
          k.activeFrom().isAfter(now)
              ? "published"
              : k.retiredAt() != null && !k.retiredAt().isAfter(now) ? "retired" : "active");
    }
  }

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
    KeyAdministration.Overview overview = administration.overview(Instant.now());
    return Map.of(
        "signing",
        overview.signing(),
        "data",
        overview.data(),
        "blind_index",
        overview.blindIndex());
  }

  /**
   * A new blind-index key, and every blind-index column rebuilt before the answer (a maintenance
   * operation: lookups by email may miss rows while it runs; see the README).
   */
  @POST
  @Path("blind-index/rotate")
  public Map<String, Object> rotateBlindIndex() {
    DataKeys.BlindIndexRotation rotation = administration.rotateBlindIndex(current.caller());
    return Map.of("key_id", rotation.keyId(), "rows_reindexed", rotation.rowsReindexed());
  }

  /**
   * A new primary data key; every sealed value is re-encrypted onto it in the background (progress
   * in {@code GET}), and retired keys are deleted once nothing uses them.
   */
  @POST
  @Path("data/rotate")
  public Response rotateData() {
    DataKeys.Progress progress = administration.rotateData(current.caller());
    return Response.accepted(
            Map.of("key_id", progress.targetKeyId(), "reencryption", ProgressView.of(progress)))
        .build();
  }

  @POST
  @Path("signing/rotate")
  public Map<String, Object> rotateSigning() {
    return Map.of("kid", administration.rotateSigning(current.caller()));
  }
}
