package dev.monocle.audit.internal;

import dev.monocle.platform.Database;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Verifies the whole trail from the database: on request ({@code GET /api/v1/audit/verify}) and on
 * a schedule. The last result is the metric {@code audit_chain_valid} (1 valid, 0 not, -1 before
 * the first run); a failure is a SEVERE line in the application log.
 */
@ApplicationScoped
public class AuditVerification {

  private static final Logger LOG = Logger.getLogger(AuditVerification.class.getName());
  private static final int FETCH = 5_000;
  private static final int BATCH = 1_000;
  private static final int QUEUED_BATCHES = 8;

  @Inject Database database;
  @Inject Checkpoints checkpoints;
  @Inject MetricRegistry metrics;

  private final AtomicInteger lastValid = new AtomicInteger(-1);
  private volatile LastRun lastRun;

  /** The latest verification on this node and when it finished. */
  public record LastRun(ChainVerifier.Result result, java.time.Instant at) {}

  private CompletableFuture<ChainVerifier.Result> running;

  @PostConstruct
  void registerGauge() {
    metrics.gauge("audit_chain_valid", lastValid, AtomicInteger::get);
  }

  /**
   * Verifies the trail as it is now; events appended meanwhile are left for the next run. Callers
   * that arrive while a verification runs share its result: a full scan runs once at a time.
   */
  public ChainVerifier.Result verify() {
    CompletableFuture<ChainVerifier.Result> shared;
    boolean runsIt = false;
    synchronized (this) {
      if (running == null) {
        running = new CompletableFuture<>();
        runsIt = true;
      }
      shared = running;
    }
    if (!runsIt) {
      try {
        return shared.join();
      } catch (CompletionException e) {
        throw new IllegalStateException("audit verification failed", e.getCause());
      }
    }
    try {
      ChainVerifier.Result result = verifyNow();
      shared.complete(result);
      return result;
    } catch (RuntimeException e) {
      shared.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (this) {
        running = null;
      }
    }
  }

  private ChainVerifier.Result verifyNow() {
    ChainVerifier.Result result;
    try (Connection c = database.dataSource().getConnection()) {
      // One read-only transaction: PostgreSQL streams rows with a cursor only outside autocommit.
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        result = verify(c, checkpoints.signer());
      } finally {
        c.rollback();
        c.setReadOnly(false);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("audit trail could not be read for verification", e);
    }
    report(result);
    return result;
  }

  static ChainVerifier.Result verify(Connection c, CheckpointSigner signer) throws SQLException {
    // Checkpoints first: the head only moves forward, so a checkpoint beyond the head read next
    // means the head was moved back.
    Map<Long, Checkpoint> signed = Checkpoints.all(c);
    long headSeq;
    String headHash;
    try (PreparedStatement head =
            c.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
        ResultSet rs = head.executeQuery()) {
      if (!rs.next()) {
        return ChainVerifier.Result.invalid(0, 0, EventHash.GENESIS, 1, "the chain head is gone");
      }
      headSeq = rs.getLong(1);
      headHash = rs.getString(2);
    }
    ChainVerifier verifier = new ChainVerifier(headSeq, headHash, signed, signer);
    // Reading (JDBC decoding) and hashing take about the same time: this thread reads while a
    // second one checks, batch by batch, in order.
    BlockingQueue<List<EventRow>> batches = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    AtomicReference<RuntimeException> checkFailure = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean(); // a break was found: reading more is pointless
    Thread checker =
        new Thread(
            () -> {
              try {
                for (List<EventRow> batch = batches.take();
                    !batch.isEmpty();
                    batch = batches.take()) {
                  if (!stop.get()) {
                    try {
                      batch.forEach(verifier::accept);
                      stop.set(!verifier.wantsMore());
                    } catch (RuntimeException e) {
                      checkFailure.set(e);
                      stop.set(true); // keep draining, so that the reader never blocks
                    }
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "monocle-audit-verify");
    checker.setDaemon(true);
    checker.start();
    try {
      try (PreparedStatement events =
          c.prepareStatement(
              "SELECT "
                  + AuditRows.EVENT_COLUMNS
                  + " FROM audit_event WHERE seq <= ? ORDER BY seq")) {
        events.setLong(1, headSeq);
        events.setFetchSize(FETCH);
        try (ResultSet rs = events.executeQuery()) {
          List<EventRow> batch = new ArrayList<>(BATCH);
          while (!stop.get() && rs.next()) {
            batch.add(AuditRows.event(rs));
            if (batch.size() == BATCH) {
              batches.put(batch);
              batch = new ArrayList<>(BATCH);
            }
          }
          if (!batch.isEmpty()) {
            batches.put(batch);
          }
        }
      } finally {
        batches.put(List.of());
        checker.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checker.interrupt();
      throw new IllegalStateException("audit verification interrupted", e);
    }
    if (checkFailure.get() != null) {
      throw checkFailure.get();
    }
    return verifier.finish();
  }

  /** The latest verification on this node, empty before the first. */
  public java.util.Optional<LastRun> lastRun() {
    return java.util.Optional.ofNullable(lastRun);
  }

  private void report(ChainVerifier.Result result) {
    lastRun = new LastRun(result, java.time.Instant.now());
    int previous = lastValid.getAndSet(result.valid() ? 1 : 0);
    if (!result.valid()) {
      LOG.severe(
          () ->
              "audit.verify_failed: the audit trail is INVALID from seq "
                  + result.firstInvalidSeq()
                  + " ("
                  + result.reason()
                  + "); "
                  + result.checked()
                  + " events checked");
    } else if (previous != 1) {
      LOG.info(
          () ->
              "Audit trail verified: "
                  + result.checked()
                  + " events, head at seq "
                  + result.headSeq());
    }
  }
}
