package dev.monocle.audit.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Outcome;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.audit.Retention;
import dev.monocle.platform.BackgroundWork;
import dev.monocle.platform.Database;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.Leases;
import dev.monocle.platform.PlatformReady;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.RetentionTask;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs every {@link RetentionTask} of every module: on schedule (every {@code
 * monocle.retention.every-hours}, default 24; each instance checks every {@code
 * monocle.retention.check-minutes} whether a run is due, and the lease {@value #LEASE} lets one
 * instance of a cluster run it) and on demand. Each class's run is stored in {@code
 * audit_retention_run} and recorded as a {@code retention.purged} event with its count.
 */
@ApplicationScoped
public class RetentionRunner implements Retention {

  static final String LEASE = "audit.retention";
  private static final Logger LOG = Logger.getLogger(RetentionRunner.class.getName());
  private static final Duration LEASE_LENGTH = Duration.ofMinutes(30);
  private static final long MAX_DAYS = 36_500;

  @Inject Instance<RetentionTask> found;

  /** The tasks: every bean found (tests set their own). */
  Iterable<? extends RetentionTask> tasks;

  @Inject Database database;
  @Inject Clock clock;
  @Inject Leases leases;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "monocle.retention.every-hours", defaultValue = "24")
  long everyHours;

  @Inject
  @ConfigProperty(name = "monocle.retention.check-minutes", defaultValue = "60")
  long checkMinutes;

  private ScheduledExecutorService scheduler;

  @PostConstruct
  void init() {
    tasks = found;
  }

  void onReady(@Observes PlatformReady ready) {
    tasks(); // fail early on a misconfigured default
    scheduler = BackgroundWork.scheduler("monocle-retention", 1);
    scheduler.scheduleWithFixedDelay(
        BackgroundWork.guarded(LOG, "Scheduled retention", this::runIfDue),
        checkMinutes,
        checkMinutes,
        TimeUnit.MINUTES);
  }

  /** The tasks by class name; a default below its minimum stops the start. */
  List<RetentionTask> tasks() {
    List<RetentionTask> list = new ArrayList<>();
    tasks.forEach(list::add);
    list.sort(Comparator.comparing(t -> t.policy().dataClass()));
    for (RetentionTask task : list) {
      if (task.policy().defaultPeriod().compareTo(task.policy().minimumPeriod()) < 0) {
        throw new IllegalStateException(
            "retention of "
                + task.policy().dataClass()
                + ": the configured period is below the minimum");
      }
    }
    return list;
  }

  /** Runs the scheduled retention if it is due and this instance gets the lease. */
  boolean runIfDue() {
    Instant last = lastScheduledRun();
    Instant now = clock.instant();
    if (last != null && last.plus(Duration.ofHours(everyHours)).isAfter(now)) {
      return false;
    }
    Optional<Leases.Lease> lease = leases.tryAcquire(LEASE, LEASE_LENGTH);
    if (lease.isEmpty()) {
      return false;
    }
    try (Leases.Lease held = lease.get()) {
      Instant again = lastScheduledRun(); // another instance may have run it just before
      if (again != null && again.plus(Duration.ofHours(everyHours)).isAfter(now)) {
        return false;
      }
      runAll("scheduled", Actor.SYSTEM, null, held);
      return true;
    }
  }

  @Override
  public List<Run> runNow(String actorId, String tenantId) {
    Optional<Leases.Lease> lease = leases.tryAcquire(LEASE, LEASE_LENGTH);
    if (lease.isEmpty()) {
      throw ProblemException.conflict("A retention run is in progress.");
    }
    try (Leases.Lease held = lease.get()) {
      return runAll("manual", Actor.user(actorId), tenantId, held);
    }
  }

  private List<Run> runAll(String trigger, Actor actor, String tenantId, Leases.Lease held) {
    Map<String, Long> periods = storedPeriods();
    List<Run> runs = new ArrayList<>();
    for (RetentionTask task : tasks()) {
      RetentionTask.Policy policy = task.policy();
      if (!held.renew(LEASE_LENGTH)) {
        LOG.warning("Retention lease lost; the run stops before " + policy.dataClass());
        break;
      }
      Instant started = clock.instant();
      Instant cutoff = started.minus(Duration.ofDays(periodDays(task, periods)));
      RetentionTask.Purged purged;
      String outcome = "success";
      try {
        purged = task.purgeBefore(cutoff);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Retention of " + policy.dataClass() + " failed", e);
        purged = new RetentionTask.Purged(0, "failed: " + e.getClass().getSimpleName());
        outcome = "failure";
      }
      Run run = new Run(policy.dataClass(), trigger, started, cutoff, purged.count(), outcome);
      store(run);
      audit.record(
          new AuditEvent(
              "retention.purged",
              "success".equals(outcome) ? Outcome.SUCCESS : Outcome.FAILURE,
              actor,
              tenantId,
              Target.of("data_class", policy.dataClass()),
              trigger
                  + " run purged "
                  + purged.count()
                  + " older than "
                  + cutoff
                  + (purged.detail() == null ? "" : " (" + purged.detail() + ")")));
      runs.add(run);
    }
    return runs;
  }

  @Override
  public Overview overview() {
    Map<String, Long> periods = storedPeriods();
    Map<String, Run> last = lastRuns();
    List<Policy> policies = new ArrayList<>();
    for (RetentionTask task : tasks()) {
      RetentionTask.Policy policy = task.policy();
      policies.add(
          new Policy(
              policy.dataClass(),
              policy.description(),
              periodDays(task, periods),
              days(policy.defaultPeriod()),
              days(policy.minimumPeriod()),
              policy.adjustable(),
              policy.adjustable() && periods.containsKey(policy.dataClass())
                  ? "updated"
                  : "default",
              last.get(policy.dataClass())));
    }
    return new Overview(policies, everyHours, lastScheduledRun());
  }

  @Override
  public Overview update(Map<String, Long> periodDays, String actorId, String tenantId) {
    Map<String, RetentionTask> byClass = new HashMap<>();
    tasks().forEach(t -> byClass.put(t.policy().dataClass(), t));
    List<FieldError> errors = new ArrayList<>();
    periodDays.forEach(
        (dataClass, days) -> {
          RetentionTask task = byClass.get(dataClass);
          String field = "policies." + dataClass;
          if (task == null) {
            errors.add(new FieldError(field, "unknown data class"));
          } else if (!task.policy().adjustable()) {
            errors.add(new FieldError(field, "fixed: " + task.policy().description()));
          } else if (days == null
              || days < days(task.policy().minimumPeriod())
              || days > MAX_DAYS) {
            errors.add(
                new FieldError(
                    field,
                    "period_days must be between "
                        + days(task.policy().minimumPeriod())
                        + " and "
                        + MAX_DAYS));
          }
        });
    if (periodDays.isEmpty()) {
      errors.add(new FieldError("policies", "name at least one data class"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    Instant now = clock.instant();
    try {
      database.inJdbcTransaction(
          c -> {
            for (Map.Entry<String, Long> e : periodDays.entrySet()) {
              try (PreparedStatement delete =
                  c.prepareStatement("DELETE FROM audit_retention_policy WHERE data_class = ?")) {
                delete.setString(1, e.getKey());
                delete.executeUpdate();
              }
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO audit_retention_policy (data_class, period_days, updated_at,"
                          + " updated_by) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, e.getKey());
                insert.setLong(2, e.getValue());
                insert.setObject(3, JdbcTime.toColumn(now));
                insert.setString(4, actorId);
                insert.executeUpdate();
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException("retention policies not stored", e);
    }
    List<String> changes = new ArrayList<>();
    new java.util.TreeMap<>(periodDays).forEach((k, v) -> changes.add(k + "=" + v + "d"));
    audit.record(
        new AuditEvent(
            "admin.retention_updated",
            Outcome.SUCCESS,
            Actor.user(actorId),
            tenantId,
            Target.of("retention", "policies"),
            String.join(", ", changes)));
    return overview();
  }

  private long periodDays(RetentionTask task, Map<String, Long> stored) {
    Long set = task.policy().adjustable() ? stored.get(task.policy().dataClass()) : null;
    return set != null ? set : days(task.policy().defaultPeriod());
  }

  /** Whole days, rounded up (a cache expiring after an hour keeps data for up to a day). */
  private static long days(Duration period) {
    long days = period.toDays();
    return period.equals(Duration.ofDays(days)) ? days : days + 1;
  }

  private Map<String, Long> storedPeriods() {
    Map<String, Long> periods = new HashMap<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT data_class, period_days FROM audit_retention_policy");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        periods.put(rs.getString(1), rs.getLong(2));
      }
      return periods;
    } catch (SQLException e) {
      throw new IllegalStateException("retention policies unreadable", e);
    }
  }

  private Map<String, Run> lastRuns() {
    Map<String, Run> last = new HashMap<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT r.data_class, r.trigger_kind, r.started_at, r.cutoff, r.purged, r.outcome"
                    + " FROM audit_retention_run r WHERE r.started_at = (SELECT max(x.started_at)"
                    + " FROM audit_retention_run x WHERE x.data_class = r.data_class)");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        last.put(
            rs.getString(1),
            new Run(
                rs.getString(1),
                rs.getString(2),
                JdbcTime.instant(rs, 3),
                JdbcTime.instant(rs, 4),
                rs.getLong(5),
                rs.getString(6)));
      }
      return last;
    } catch (SQLException e) {
      throw new IllegalStateException("retention runs unreadable", e);
    }
  }

  private Instant lastScheduledRun() {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT max(started_at) FROM audit_retention_run WHERE trigger_kind = 'scheduled'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return JdbcTime.instant(rs, 1);
    } catch (SQLException e) {
      throw new IllegalStateException("retention runs unreadable", e);
    }
  }

  private void store(Run run) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_retention_run (id, data_class, trigger_kind, started_at, cutoff,"
                    + " purged, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, UUID.randomUUID().toString());
      s.setString(2, run.dataClass());
      s.setString(3, run.trigger());
      s.setObject(4, JdbcTime.toColumn(run.startedAt()));
      s.setObject(5, JdbcTime.toColumn(run.cutoff()));
      s.setLong(6, run.purged());
      s.setString(7, run.outcome());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("retention run not stored", e);
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
