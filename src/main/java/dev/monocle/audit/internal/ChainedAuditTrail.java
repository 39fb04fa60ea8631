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
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Appends events to {@code audit_event} in one total order: the chain head row is locked for each
 * append transaction, so several threads (and several Monocle instances on one database) chain
 * consistently. One writer thread group-commits: whatever events are waiting go into one
 * transaction. {@link #record} returns only after its event is committed (or fails); {@link
 * #recordSoon} does not wait.
 */
@ApplicationScoped
public class ChainedAuditTrail implements AuditTrail {

  private static final Logger LOG = Logger.getLogger(ChainedAuditTrail.class.getName());
  private static final int QUEUE_CAPACITY = 10_000;
  private static final int BATCH = 500;
  private static final long RECORD_TIMEOUT_SECONDS = 30;

  @Inject Database database;
  @Inject Clock clock;
  @Inject MetricRegistry metrics;
  @Inject Checkpoints checkpoints;

  /** Used by the writer thread only (and by the shutdown flush, after it stopped). */
  private final EventHash hasher = new EventHash();

  /**
   * An event with the request it came from, captured when it was reported; {@code committed} is
   * completed when a waiting caller's event is durable (null for {@link #recordSoon}).
   */
  private record Pending(
      AuditEvent event, String requestId, String clientIp, CompletableFuture<Void> committed) {}

  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final List<Pending> carry = new ArrayList<>(BATCH);
  private volatile boolean running = true;
  private Thread writer;

  @PostConstruct
  void startWriter() {
    writer = new Thread(this::writeLoop, "monocle-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @PreDestroy
  void flushOnShutdown() {
    running = false;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.drainTo(carry);
    if (!carry.isEmpty()) {
      writeCarry();
    }
  }

  @Override
  public void record(AuditEvent event) {
    recordAll(List.of(event));
  }

  @Override
  public void recordAll(List<AuditEvent> events) {
    List<CompletableFuture<Void>> committed = new ArrayList<>(events.size());
    try {
      for (AuditEvent event : events) {
        Pending pending = pending(event, new CompletableFuture<>());
        if (!queue.offer(pending, 5, TimeUnit.SECONDS)) {
          throw new IllegalStateException("audit queue full: event not recorded");
        }
        committed.add(pending.committed());
      }
      CompletableFuture.allOf(committed.toArray(CompletableFuture[]::new))
          .get(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording an audit event", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("audit event could not be recorded", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("audit event not recorded in time", e);
    }
  }

  @Override
  public void recordSoon(AuditEvent event) {
    if (!queue.offer(pending(event, null))) {
      metrics.counter("audit_events_dropped").inc();
      LOG.warning(
          () ->
              "Audit queue full: dropped " + event.action() + " (counted in audit_events_dropped)");
    }
  }

  private static Pending pending(AuditEvent event, CompletableFuture<Void> committed) {
    var request = RequestContext.current();
    return new Pending(
        event,
        request.map(RequestContext.Current::requestId).orElse(null),
        request.map(RequestContext.Current::clientAddress).orElse(null),
        committed);
  }

  private void writeLoop() {
    while (running) {
      try {
        if (carry.isEmpty()) {
          Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          carry.add(first);
          queue.drainTo(carry, BATCH - 1);
        }
        writeCarry();
        if (!carry.isEmpty()) {
          Thread.sleep(1_000); // the database is down: keep what waits, try again shortly
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Audit writer failed", e);
      }
    }
  }

  /** Appends the waiting batch in one transaction; on failure, event by event. */
  private synchronized void writeCarry() {
    try {
      append(carry);
      carry.forEach(p -> complete(p, null));
      carry.clear();
    } catch (RuntimeException e) {
      isolateFailures();
    }
  }

  private static void complete(Pending p, Throwable failure) {
    if (p.committed() != null) {
      if (failure == null) {
        p.committed().complete(null);
      } else {
        p.committed().completeExceptionally(failure);
      }
    }
  }

  /**
   * A batch failed: append its events one by one, so that one bad event cannot block the rest. An
   * event that fails alone is counted and logged (its action only). While the database is down,
   * waiting callers are failed (their request must not succeed unaudited) and queued events are
   * kept for the next attempt.
   */
  private void isolateFailures() {
    List<Pending> batch = new ArrayList<>(carry);
    carry.clear();
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      try {
        append(List.of(p));
        complete(p, null);
      } catch (RuntimeException e) {
        if (!databaseUp()) {
          for (Pending rest : batch.subList(i, batch.size())) {
            if (rest.committed() != null) {
              complete(rest, e);
            } else {
              carry.add(rest);
            }
          }
          LOG.log(
              Level.SEVERE,
              "Audit writer failed; " + carry.size() + " queued events kept for the next attempt",
              e);
          return;
        }
        complete(p, e);
        if (metrics != null) {
          metrics.counter("audit_events_dropped").inc();
        }
        LOG.log(Level.SEVERE, "Audit event " + p.event().action() + " could not be recorded", e);
      }
    }
  }

  private boolean databaseUp() {
    try (Connection c = database.dataSource().getConnection()) {
      return c.isValid(1);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** Appends events in one transaction under one lock of the chain head. */
  private void append(List<Pending> events) {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        append(c, events);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("audit events could not be recorded", e);
    }
    if (checkpoints != null) {
      try {
        checkpoints.appended(events.size());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Audit checkpoint failed; the next one covers these events", e);
      }
    }
  }

  /** Locks the head, inserts the events as one JDBC batch, and moves the head once. */
  private void append(Connection c, List<Pending> events) throws SQLException {
    AuditRows.Head head = AuditRows.lockHead(c);
    long seq = head.seq();
    String previous = head.hash();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try (PreparedStatement insert = c.prepareStatement(AuditRows.INSERT_EVENT)) {
      for (Pending p : events) {
        seq++;
        StoredEvent stored = StoredEvent.of(seq, now, p.event(), p.requestId(), p.clientIp());
        String hash = hasher.hash(previous, stored);
        AuditRows.bind(insert, new EventRow(stored, previous, hash));
        insert.addBatch();
        previous = hash;
      }
      insert.executeBatch();
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
      update.setLong(1, seq);
      update.setString(2, previous);
      update.executeUpdate();
    }
  }
}
