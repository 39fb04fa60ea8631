package dev.monocle.audit.internal;

import dev.monocle.platform.BackgroundWork;
import dev.monocle.platform.PlatformReady;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The trail's background work, once the database is ready: a checkpoint every {@code
 * monocle.audit.checkpoint.every-seconds} (when the head moved), a verification at start and every
 * {@code monocle.audit.verify.every-seconds}. Each instance runs them; checkpoints are taken under
 * a database lock, so instances do not conflict. Pruning old events is the {@code audit_events}
 * class of the retention runner.
 */
@ApplicationScoped
public class AuditSchedule {

  private static final Logger LOG = Logger.getLogger(AuditSchedule.class.getName());

  @Inject Checkpoints checkpoints;
  @Inject AuditVerification verification;
  @Inject AuditRetention retention;

  @Inject
  @ConfigProperty(name = "monocle.audit.checkpoint.every-seconds", defaultValue = "300")
  long checkpointSeconds;

  @Inject
  @ConfigProperty(name = "monocle.audit.verify.every-seconds", defaultValue = "3600")
  long verifySeconds;

  private ScheduledExecutorService scheduler;

  void onReady(@Observes PlatformReady ready) {
    checkpoints.signer(); // fail early, and log the public key
    retention.checkSettings();
    scheduler = BackgroundWork.scheduler("monocle-audit-schedule", 1);
    scheduler.scheduleWithFixedDelay(
        BackgroundWork.guarded(LOG, "Audit checkpoint", checkpoints::checkpoint),
        checkpointSeconds,
        checkpointSeconds,
        TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        BackgroundWork.guarded(LOG, "Audit verification", verification::verify),
        5,
        verifySeconds,
        TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
