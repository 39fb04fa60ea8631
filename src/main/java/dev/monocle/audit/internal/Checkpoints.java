package dev.monocle.audit.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.SecretName;
import dev.monocle.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed checkpoints of the chain head: every {@code monocle.audit.checkpoint.every-events} events
 * (counted by this instance's writer) and every {@code monocle.audit.checkpoint.every-seconds} when
 * the head has moved. A checkpoint is taken under the head lock, so instances sharing a database
 * agree on it. Each one is also written as a log line ({@code audit.checkpoint}), so that a copy
 * lives outside the database.
 */
@ApplicationScoped
public class Checkpoints {

  private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

  @Inject Database database;
  @Inject Clock clock;
  @Inject Secrets secrets;

  @Inject
  @ConfigProperty(name = "monocle.audit.checkpoint.every-events", defaultValue = "1000")
  long everyEvents;

  @Inject
  @ConfigProperty(name = "monocle.audit.checkpoint.trusted-public-keys")
  Optional<String> trustedPublicKeys = Optional.empty();

  private final AtomicLong sinceLast = new AtomicLong();
  private volatile CheckpointSigner signer;

  /** The signer, built once from the platform secret. */
  CheckpointSigner signer() {
    CheckpointSigner s = signer;
    if (s == null) {
      synchronized (this) {
        if (signer == null) {
          try {
            List<String> trusted =
                List.of(trustedPublicKeys.orElse("").split(",")).stream()
                    .map(String::trim)
                    .filter(k -> !k.isEmpty())
                    .toList();
            CheckpointSigner built =
                new CheckpointSigner(secrets.get(SecretName.AUDIT_SIGNING_KEY), trusted);
            LOG.info(
                "Audit checkpoints are signed with Ed25519 key "
                    + built.kid()
                    + ", public key "
                    + built.publicKey());
            signer = built;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit checkpoint keys are unusable", e);
          }
        }
        s = signer;
      }
    }
    return s;
  }

  /** Told by the writer after each commit; checkpoints when enough events have gone by. */
  void appended(int events) {
    if (sinceLast.addAndGet(events) >= everyEvents) {
      sinceLast.set(0);
      checkpoint();
    }
  }

  /** Signs the current head unless a checkpoint already covers it; returns the new checkpoint. */
  Optional<Checkpoint> checkpoint() {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Checkpoint> made = checkpoint(c);
        c.commit();
        made.ifPresent(Checkpoints::log);
        return made;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("audit checkpoint failed", e);
    }
  }

  private Optional<Checkpoint> checkpoint(Connection c) throws SQLException {
    AuditRows.Head head = AuditRows.lockHead(c);
    long seq = head.seq();
    String hash = head.hash();
    if (seq == 0) {
      return Optional.empty();
    }
    try (PreparedStatement last = c.prepareStatement("SELECT max(seq) FROM audit_checkpoint");
        ResultSet rs = last.executeQuery()) {
      if (rs.next() && rs.getLong(1) >= seq) {
        return Optional.empty();
      }
    }
    Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    CheckpointSigner s = signer();
    Checkpoint checkpoint =
        new Checkpoint(seq, hash, signedAt, s.kid(), s.sign(seq, hash, signedAt));
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO audit_checkpoint (seq, hash, signed_at, kid, signature)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, checkpoint.seq());
      insert.setString(2, checkpoint.hash());
      insert.setObject(3, JdbcTime.toColumn(checkpoint.signedAt()));
      insert.setString(4, checkpoint.kid());
      insert.setString(5, checkpoint.signature());
      insert.executeUpdate();
    }
    return Optional.of(checkpoint);
  }

  /** The off-database copy: one log line per checkpoint, enough to check the trail against. */
  private static void log(Checkpoint c) {
    LOG.info(
        () ->
            "audit.checkpoint seq="
                + c.seq()
                + " hash="
                + c.hash()
                + " signed_at="
                + c.signedAt()
                + " kid="
                + c.kid()
                + " signature="
                + c.signature());
  }

  /** Every stored checkpoint by sequence number. */
  static Map<Long, Checkpoint> all(Connection c) throws SQLException {
    Map<Long, Checkpoint> all = new LinkedHashMap<>();
    for (Checkpoint checkpoint : list(c, Long.MAX_VALUE, Integer.MAX_VALUE)) {
      all.put(checkpoint.seq(), checkpoint);
    }
    return all;
  }

  /** Checkpoints before {@code beforeSeq}, newest first. */
  static List<Checkpoint> list(Connection c, long beforeSeq, int limit) throws SQLException {
    List<Checkpoint> found = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT seq, hash, signed_at, kid, signature FROM audit_checkpoint WHERE seq < ?"
                + " ORDER BY seq DESC")) {
      q.setLong(1, beforeSeq);
      q.setMaxRows(limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(
              new Checkpoint(
                  rs.getLong(1),
                  rs.getString(2),
                  JdbcTime.instant(rs, 3),
                  rs.getString(4),
                  rs.getString(5)));
        }
      }
    }
    return found;
  }
}
