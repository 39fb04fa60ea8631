package dev.monocle.audit.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.JdbcTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the trail for auditors: newest first, filtered, one page at a time. */
@ApplicationScoped
public class AuditQueries {

  @Inject Database database;

  /**
   * What to look for. Absent values do not filter; {@code action} ending in {@code .*} matches a
   * prefix ({@code admin.*}); {@code tenantId} is set for callers scoped to one tenant.
   */
  public record Filter(
      Optional<String> tenantId,
      Optional<Instant> from,
      Optional<Instant> to,
      Optional<String> actor,
      Optional<String> action,
      Optional<String> outcome) {}

  /** Events matching the filter with a sequence number below {@code beforeSeq}, newest first. */
  public List<EventRow> events(Filter filter, long beforeSeq, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(AuditRows.EVENT_COLUMNS)
            .append(" FROM audit_event WHERE seq < ?");
    List<Object> args = new ArrayList<>();
    args.add(beforeSeq);
    where(sql, args, filter);
    sql.append(" ORDER BY seq DESC");
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        q.setObject(i + 1, args.get(i));
      }
      q.setMaxRows(limit);
      List<EventRow> rows = new ArrayList<>(limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(AuditRows.event(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("audit events could not be read", e);
    }
  }

  /** How many events match the filter (the dashboard's counts of the last hour). */
  public long count(Filter filter) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM audit_event WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    where(sql, args, filter);
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        q.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("audit events could not be counted", e);
    }
  }

  private static void where(StringBuilder sql, List<Object> args, Filter filter) {
    and(sql, args, " AND tenant_id = ?", filter.tenantId());
    and(sql, args, " AND at >= ?", filter.from().map(JdbcTime::toColumn));
    and(sql, args, " AND at < ?", filter.to().map(JdbcTime::toColumn));
    and(sql, args, " AND actor_id = ?", filter.actor());
    Optional<String> action = filter.action();
    if (action.isPresent() && action.get().endsWith(".*")) {
      String prefix = action.get().substring(0, action.get().length() - 1);
      and(sql, args, " AND action LIKE ? ESCAPE '\\'", Optional.of(likePrefix(prefix)));
    } else {
      and(sql, args, " AND action = ?", action);
    }
    and(sql, args, " AND outcome = ?", filter.outcome());
  }

  /** Signed checkpoints with a sequence number below {@code beforeSeq}, newest first. */
  public List<Checkpoint> checkpoints(long beforeSeq, int limit) {
    try (Connection c = database.dataSource().getConnection()) {
      return Checkpoints.list(c, beforeSeq, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("audit checkpoints could not be read", e);
    }
  }

  /** Adds {@code condition} with its one parameter when the filter has a value. */
  private static void and(
      StringBuilder sql, List<Object> args, String condition, Optional<?> value) {
    value.ifPresent(
        v -> {
          sql.append(condition);
          args.add(v);
        });
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
