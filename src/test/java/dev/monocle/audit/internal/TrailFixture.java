package dev.monocle.audit.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.platform.Database;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The audit module's parts wired by hand on a real database, as CDI wires them in Monocle: a trail
 * (one writer thread), checkpoints signed with a fresh key, verification and retention.
 */
final class TrailFixture implements AutoCloseable {

  final Database database;
  final Checkpoints checkpoints = new Checkpoints();
  final ChainedAuditTrail trail = new ChainedAuditTrail();
  final AuditRetention retention = new AuditRetention();

  TrailFixture(DataSource pool, Database.Engine engine, Clock clock, long checkpointEvery) {
    this(pool, engine, clock, checkpointEvery, randomSecret());
  }

  TrailFixture(
      DataSource pool, Database.Engine engine, Clock clock, long checkpointEvery, byte[] secret) {
    database = new PoolOnly(pool, engine);
    checkpoints.database = database;
    checkpoints.clock = clock;
    checkpoints.secrets = name -> secret.clone();
    checkpoints.everyEvents = checkpointEvery;
    trail.database = database;
    trail.clock = clock;
    trail.checkpoints = checkpoints;
    trail.startWriter();
    retention.database = database;
    retention.retentionDays = 400;
  }

  static byte[] randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  static AuditEvent event(String action, String actor, int n) {
    return AuditEvent.success(
        action, Actor.user(actor), "tenant-1", Target.of("n", Integer.toString(n)));
  }

  /** The row with another sequence number (as when two rows are swapped in the database). */
  static EventRow withSeq(EventRow row, long seq) {
    StoredEvent e = row.event();
    return new EventRow(
        new StoredEvent(
            seq,
            e.id(),
            e.at(),
            e.tenantId(),
            e.actorType(),
            e.actorId(),
            e.action(),
            e.targetType(),
            e.targetId(),
            e.outcome(),
            e.reason(),
            e.requestId(),
            e.clientIp()),
        row.prevHash(),
        row.hash());
  }

  /** The event with another action (as a rewrite in the database would change it). */
  static StoredEvent withAction(StoredEvent e, String action) {
    return new StoredEvent(
        e.seq(),
        e.id(),
        e.at(),
        e.tenantId(),
        e.actorType(),
        e.actorId(),
        action,
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.reason(),
        e.requestId(),
        e.clientIp());
  }

  ChainVerifier.Result verify() throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      return AuditVerification.verify(c, checkpoints.signer());
    }
  }

  @Override
  public void close() {
    trail.flushOnShutdown();
  }

  /** The trail needs only the pool of the platform's Database. */
  private record PoolOnly(DataSource dataSource, Engine engine) implements Database {
    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
      throw new UnsupportedOperationException();
    }
  }
}
