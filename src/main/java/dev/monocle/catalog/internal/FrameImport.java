package dev.monocle.catalog.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.AccessControl;
import dev.monocle.auth.Caller;
import dev.monocle.catalog.internal.FrameStore.Stored;
import dev.monocle.platform.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk import into the caller's tenant: valid rows are upserted by SKU (a new SKU is created, a
 * known one replaced in full), invalid rows are reported with their row number and left out, and
 * the whole import is one transaction and one audit event.
 */
@ApplicationScoped
public class FrameImport {

  @Inject CatalogJdbc jdbc;
  @Inject AccessControl access;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** What an import did. */
  public record Report(int created, int updated, int failed, List<RowError> errors) {
    public Report {
      errors = List.copyOf(errors);
    }
  }

  /** A problem of one row. */
  public record RowError(int row, String field, String message) {}

  private static final int CHUNK = 500;

  /** Imports into the caller's tenant. */
  public Report run(List<ImportRows.Row> rows) {
    Caller caller = access.caller();
    return upsert(caller.tenantId(), caller.actor(), rows);
  }

  /** Imports into {@code tenantId} on behalf of {@code actor}. */
  Report upsert(String tenantId, AuditEvent.Actor actor, List<ImportRows.Row> rows) {
    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> firstRowOfSku = new HashMap<>();
    List<ImportRows.Row> valid = new ArrayList<>();
    int failed = 0;
    for (ImportRows.Row row : rows) {
      List<FieldError> problems = new ArrayList<>(row.errors());
      if (row.frame() != null) {
        problems.addAll(FrameRules.check(row.frame()));
      }
      if (problems.isEmpty()) {
        Integer earlier = firstRowOfSku.putIfAbsent(row.frame().sku(), row.number());
        if (earlier != null) {
          problems.add(new FieldError("sku", "appears already in row " + earlier));
        }
      }
      if (problems.isEmpty()) {
        valid.add(row);
      } else {
        failed++;
        problems.forEach(p -> errors.add(new RowError(row.number(), p.field(), p.message())));
      }
    }
    int[] counts = jdbc.transaction(c -> store(c, tenantId, valid));
    Report report = new Report(counts[0], counts[1], failed, errors);
    audit.record(
        new AuditEvent(
            "catalog.frames_imported",
            failed == rows.size() && !rows.isEmpty()
                ? AuditEvent.Outcome.FAILURE
                : AuditEvent.Outcome.SUCCESS,
            actor,
            tenantId,
            Target.of("frame_import", UUID.randomUUID().toString()),
            "created=" + report.created() + " updated=" + report.updated() + " failed=" + failed));
    return report;
  }

  /** Inserts new SKUs and replaces known ones in JDBC batches; returns {created, updated}. */
  private int[] store(Connection c, String tenantId, List<ImportRows.Row> rows)
      throws SQLException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int created = 0;
    int updated = 0;
    try (PreparedStatement insert = c.prepareStatement(FrameStore.INSERT);
        PreparedStatement update = c.prepareStatement(FrameStore.UPDATE)) {
      for (int from = 0; from < rows.size(); from += CHUNK) {
        List<ImportRows.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
        Map<String, Stored> known = existing(c, tenantId, chunk);
        for (ImportRows.Row row : chunk) {
          FrameInput frame = row.frame().withDefaults();
          Stored was = known.get(frame.sku());
          if (was == null) {
            FrameStore.bindInsert(
                insert, UUID.randomUUID().toString(), tenantId, frame, Map.of(), now);
            insert.addBatch();
            created++;
          } else {
            FrameStore.bindUpdate(
                update,
                was.frame().id(),
                was.version(),
                frame,
                FrameCatalog.keptLocalizations(was.frame(), frame),
                now);
            update.addBatch();
            updated++;
          }
        }
        insert.executeBatch();
        update.executeBatch();
      }
    }
    return new int[] {created, updated};
  }

  private static Map<String, Stored> existing(
      Connection c, String tenantId, List<ImportRows.Row> chunk) throws SQLException {
    Map<String, Stored> known = new HashMap<>();
    // One array parameter: the unique (tenant_id, sku) index answers it whatever the statistics
    // say, where an IN list of 500 parameters was checked row by row once the table grew.
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + FrameStore.COLUMNS
                + " FROM catalog_frame WHERE tenant_id = ? AND sku = ANY (?) FOR UPDATE")) {
      s.setString(1, tenantId);
      s.setArray(
          2,
          c.createArrayOf(
              "VARCHAR", chunk.stream().map(row -> row.frame().sku()).toArray(String[]::new)));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Stored stored = FrameStore.read(rs);
          known.put(stored.frame().sku(), stored);
        }
      }
    }
    return known;
  }
}
