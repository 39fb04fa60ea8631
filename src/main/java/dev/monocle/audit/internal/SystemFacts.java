package dev.monocle.audit.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Outcome;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.platform.SystemFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Records the platform's own security facts (key lifecycle, secret reads) as events of actor {@code
 * system}. Secret reads go through the trail's queue: a secret may be read while its reader holds a
 * lock the trail's writer could need (the checkpoint signer), so the fact must not wait.
 */
@ApplicationScoped
public class SystemFacts {

  @Inject AuditTrail trail;

  void on(@Observes SystemFact fact) {
    AuditEvent event =
        new AuditEvent(
            fact.action(),
            fact.success() ? Outcome.SUCCESS : Outcome.FAILURE,
            Actor.SYSTEM,
            null,
            fact.targetType() == null ? null : Target.of(fact.targetType(), fact.targetId()),
            fact.reason());
    if ("secret.read".equals(fact.action())) {
      trail.recordSoon(event);
    } else {
      trail.record(event);
    }
  }
}
