package dev.monocle.audit.internal;

import dev.monocle.platform.JdbcTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How audit rows map to JDBC, in one place for the writer, the reader and the verifier. Times are
 * stored as UTC in {@code TIMESTAMP} columns, independent of any JVM's time zone: the hash covers
 * the time, so every instance must read back exactly what was written.
 */
final class AuditRows {

  static final String EVENT_COLUMNS =
      "seq, id, at, tenant_id, actor_type, actor_id, action, target_type, target_id, outcome,"
          + " reason, request_id, client_ip, prev_hash, hash";

  static final String INSERT_EVENT =
      "INSERT INTO audit_event ("
          + EVENT_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private AuditRows() {}

  /** The chain head: the sequence number and hash of the last appended event. */
  record Head(long seq, String hash) {}

  /**
   * Reads the chain head, locking it ({@code FOR UPDATE}) until the transaction ends: appends and
   * checkpoints of every instance serialize on this row.
   */
  static Head lockHead(Connection c) throws SQLException {
    try (PreparedStatement head =
            c.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = head.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("audit chain head is missing");
      }
      return new Head(rs.getLong(1), rs.getString(2));
    }
  }

  /** Reads a row selected with {@link #EVENT_COLUMNS}. */
  static EventRow event(ResultSet rs) throws SQLException {
    return new EventRow(
        new StoredEvent(
            rs.getLong(1),
            rs.getString(2),
            JdbcTime.instant(rs, 3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12),
            rs.getString(13)),
        rs.getString(14),
        rs.getString(15));
  }

  /** Binds a row for {@link #INSERT_EVENT}. */
  static void bind(PreparedStatement insert, EventRow row) throws SQLException {
    StoredEvent e = row.event();
    insert.setLong(1, e.seq());
    insert.setString(2, e.id());
    insert.setObject(3, JdbcTime.toColumn(e.at()));
    insert.setString(4, e.tenantId());
    insert.setString(5, e.actorType());
    insert.setString(6, e.actorId());
    insert.setString(7, e.action());
    insert.setString(8, e.targetType());
    insert.setString(9, e.targetId());
    insert.setString(10, e.outcome());
    insert.setString(11, e.reason());
    insert.setString(12, e.requestId());
    insert.setString(13, e.clientIp());
    insert.setString(14, row.prevHash());
    insert.setString(15, row.hash());
  }
}
