package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.Tenants;
import dev.monocle.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Creates tenants on Monocle's own behalf (actor {@code system}), for start-up work. */
@ApplicationScoped
public class TenantProvisioning implements Tenants {

  @Inject Database database;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Override
  public String ensure(String slug, String name) {
    String[] created = new String[1];
    String id =
        database.inTransaction(
            em ->
                directory
                    .tenantBySlug(em, slug)
                    .map(t -> t.id)
                    .orElseGet(
                        () -> {
                          TenantEntity tenant = new TenantEntity(slug, name, clock.instant());
                          em.persist(tenant);
                          created[0] = tenant.id;
                          return tenant.id;
                        }));
    if (created[0] != null) {
      audit.record(
          AuditEvent.success("admin.tenant_created", Actor.SYSTEM, id, Target.of("tenant", id)));
    }
    return id;
  }
}
