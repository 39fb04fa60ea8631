package dev.monocle.audit.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditTrail;
import dev.monocle.platform.Database;
import dev.monocle.platform.RequestContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Appends events to {@code audit_event} in one total order: the chain head row is locked for the
 * append, so several threads (and several Monocle instances on one database) chain consistently.
 */
@ApplicationScoped
public class ChainedAuditTrail implements AuditTrail {

  private static final int MAX_REASON = 500;

  private static final Logger LOG = Logger.getLogger(ChainedAuditTrail.class.getName());
  private static final int QUEUE_CAPACITY = 10_000;
  private static final int BATCH = 500;

  @Inject Database database;
  @Inject Clock clock;
  @Inject MetricRegistry metrics;

  /** An event with the request it came from, captured when it was reported. */
  private record Pending(AuditEvent event, String requestId, String clientIp) {}

  private final BlockingQueue<Pending> soon = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final List<Pending> carry = new ArrayList<>(BATCH);
  private ScheduledExecutorService writer;

  @PostConstruct
  void startWriter() {
    writer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "monocle-audit-writer");
              t.setDaemon(true);
              return t;
            });
    writer.scheduleWithFixedDelay(this::drainQuietly, 200, 200, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void flushOnShutdown() {
    writer.shutdown();
    drainQuietly();
  }

  @Override
  public void record(AuditEvent event) {
    append(List.of(pending(event)));
  }

  @Override
  public void recordSoon(AuditEvent event) {
    if (!soon.offer(pending(event))) {
      metrics.counter("audit_events_dropped").inc();
      LOG.warning(
          () ->
              "Audit queue full: dropped " + event.action() + " (counted in audit_events_dropped)");
    }
  }

  private static Pending pending(AuditEvent event) {
    var request = RequestContext.current();
    return new Pending(
        event,
        request.map(RequestContext.Current::requestId).orElse(null),
        request.map(RequestContext.Current::clientAddress).orElse(null));
  }

  /** Appends queued events; a batch that fails is kept and tried again first next time. */
  private synchronized void drainQuietly() {
    try {
      if (carry.isEmpty()) {
        soon.drainTo(carry, BATCH);
      }
      while (!carry.isEmpty()) {
        append(carry);
        carry.clear();
        soon.drainTo(carry, BATCH);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Audit writer failed; " + carry.size() + " events kept for the next attempt",
          e);
    }
  }

  /** Appends events in one transaction under one lock of the chain head. */
  private void append(List<Pending> events) {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        for (Pending p : events) {
          append(c, p.event(), p.requestId(), p.clientIp());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("audit events could not be recorded", e);
    }
  }

  private void append(Connection c, AuditEvent event, String requestId, String clientIp)
      throws SQLException {
    long seq;
    String previous;
    try (PreparedStatement head =
            c.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = head.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("audit chain head is missing");
      }
      seq = rs.getLong(1) + 1;
      previous = rs.getString(2);
    }
    StoredEvent stored =
        new StoredEvent(
            seq,
            UUID.randomUUID().toString(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            event.tenantId(),
            event.actor().type(),
            event.actor().id(),
            event.action(),
            event.target().type(),
            event.target().id(),
            event.outcome().wireName(),
            truncate(event.reason()),
            requestId,
            clientIp);
    String hash = EventHash.of(previous, stored);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO audit_event (seq, id, at, tenant_id, actor_type, actor_id, action,"
                + " target_type, target_id, outcome, reason, request_id, client_ip, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, stored.seq());
      insert.setString(2, stored.id());
      insert.setTimestamp(3, Timestamp.from(stored.at()));
      insert.setString(4, stored.tenantId());
      insert.setString(5, stored.actorType());
      insert.setString(6, stored.actorId());
      insert.setString(7, stored.action());
      insert.setString(8, stored.targetType());
      insert.setString(9, stored.targetId());
      insert.setString(10, stored.outcome());
      insert.setString(11, stored.reason());
      insert.setString(12, stored.requestId());
      insert.setString(13, stored.clientIp());
      insert.setString(14, previous);
      insert.setString(15, hash);
      insert.executeUpdate();
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
      update.setLong(1, seq);
      update.setString(2, hash);
      update.executeUpdate();
    }
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= MAX_REASON
        ? reason
        : reason.substring(0, MAX_REASON);
  }
}
