package dev.monocle.auth.web;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.auth.internal.SigningKeys;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Key ids, ages and states (never key material), and signing-key rotation. Platform admins. */
@Path("api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.PLATFORM_ADMIN)
public class AdminKeysResource {

  @Inject SigningKeys signingKeys;
  @Inject CurrentCaller current;
  @Inject AuditTrail audit;

  /** A signing key as shown to admins. */
  public record SigningKeyView(
      String kid, Instant createdAt, Instant activeFrom, Instant retiredAt, String state) {}

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
    return Map.of("signing", signing);
  }

  @POST
  @Path("signing/rotate")
  public Map<String, Object> rotateSigning() {
    String kid = signingKeys.rotate();
    audit.record(
        AuditEvent.success(
            "keys.rotated",
            Actor.user(current.caller().id()),
            current.caller().tenantId(),
            Target.of("signing_key", kid)));
    return Map.of("kid", kid);
  }
}
