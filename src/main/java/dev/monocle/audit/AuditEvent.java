package dev.monocle.audit;

import java.util.Locale;
import java.util.Objects;

/**
 * A security-relevant fact, as a module reports it: who did what to which object, in which tenant,
 * and how it ended. The trail adds the time, the request id, the client address, the sequence
 * number and the chain hashes. Events carry ids, never passwords, tokens, keys, codes or PII.
 */
public record AuditEvent(
    String action, Outcome outcome, Actor actor, String tenantId, Target target, String reason) {

  public AuditEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(actor, "actor");
    target = target == null ? Target.NONE : target;
  }

  public static AuditEvent success(String action, Actor actor, String tenantId, Target target) {
    return new AuditEvent(action, Outcome.SUCCESS, actor, tenantId, target, null);
  }

  public static AuditEvent failure(
      String action, Actor actor, String tenantId, Target target, String reason) {
    return new AuditEvent(action, Outcome.FAILURE, actor, tenantId, target, reason);
  }

  public static AuditEvent denied(
      String action, Actor actor, String tenantId, Target target, String reason) {
    return new AuditEvent(action, Outcome.DENIED, actor, tenantId, target, reason);
  }

  /** How the action ended. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who acted: a user, an API key (service) or Monocle itself; anonymous has no id. */
  public record Actor(String type, String id) {
    public static final Actor SYSTEM = new Actor("system", "monocle");
    public static final Actor ANONYMOUS = new Actor("user", null);

    public static Actor user(String userId) {
      return new Actor("user", userId);
    }

    public static Actor service(String apiKeyId) {
      return new Actor("service", apiKeyId);
    }
  }

  /** What was acted on. */
  public record Target(String type, String id) {
    public static final Target NONE = new Target(null, null);

    public static Target of(String type, String id) {
      return new Target(type, id);
    }
  }
}
