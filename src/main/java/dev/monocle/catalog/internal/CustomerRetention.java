package dev.monocle.catalog.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Outcome;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.platform.Database;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.RetentionTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The catalog's personal data under retention: inactive customers, face data without consent. */
final class CustomerRetention {

  private static final int BATCH = 500;

  private CustomerRetention() {}

  /**
   * Customers without activity for the period are erased, as {@code DELETE /customers/{id}} erases
   * one: the row and every sealed value go, and the trail keeps a {@code customer.erased} event
   * with the id only.
   */
  @ApplicationScoped
  public static class InactiveCustomers implements RetentionTask {

    @Inject Database database;
    @Inject AuditTrail audit;

    @Inject
    @ConfigProperty(name = "monocle.retention.inactive-customers.days", defaultValue = "1095")
    long days;

    @Override
    public Policy policy() {
      return new Policy(
          "inactive_customers",
          "Customers with no activity for the period are erased (row and all personal data);"
              + " three years outlasts a prescription's validity and the warranty of a frame.",
          Duration.ofDays(days),
          Duration.ofDays(30),
          true);
    }

    @Override
    public Purged purgeBefore(Instant cutoff) {
      long erased = 0;
      while (true) {
        Batch batch = eraseBatch(cutoff);
        if (batch.selected() == 0) {
          return Purged.of(erased);
        }
        List<AuditEvent> events = new ArrayList<>();
        for (String[] row : batch.erased()) {
          events.add(
              new AuditEvent(
                  "customer.erased",
                  Outcome.SUCCESS,
                  Actor.SYSTEM,
                  row[1],
                  Target.of("customer", row[0]),
                  "retention: no activity since before " + cutoff));
        }
        if (!events.isEmpty()) {
          audit.recordAll(events);
        }
        erased += batch.erased().size();
      }
    }

    /** A batch: how many customers were selected, and the (id, tenant) of those erased. */
    private record Batch(int selected, List<String[]> erased) {}

    /** Deletes up to one batch of inactive customers. */
    private Batch eraseBatch(Instant cutoff) {
      try {
        return database.inJdbcTransaction(
            c -> {
              List<String[]> rows = new ArrayList<>();
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, tenant_id FROM catalog_customer WHERE last_activity_at < ?"
                          + " ORDER BY id LIMIT "
                          + BATCH)) {
                s.setObject(1, JdbcTime.toColumn(cutoff));
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                  }
                }
              }
              List<String[]> erased = new ArrayList<>();
              try (PreparedStatement delete =
                  c.prepareStatement(
                      "DELETE FROM catalog_customer WHERE id = ? AND last_activity_at < ?")) {
                for (String[] row : rows) {
                  delete.setString(1, row[0]);
                  delete.setObject(2, JdbcTime.toColumn(cutoff));
                  delete.addBatch();
                }
                int[] counts = delete.executeBatch();
                for (int i = 0; i < rows.size(); i++) {
                  // A customer active again since the SELECT is not deleted, and not reported.
                  if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    erased.add(rows.get(i));
                  }
                }
              }
              return new Batch(rows.size(), erased);
            });
      } catch (SQLException e) {
        throw new IllegalStateException("inactive customers not erased", e);
      }
    }
  }

  /**
   * Face shape and face width (derived from a face scan: biometric) are kept only with biometric
   * consent. Withdrawing consent erases them at once; this class removes any that remain without
   * consent after the period, whatever wrote them.
   */
  @ApplicationScoped
  public static class BiometricWithoutConsent implements RetentionTask {

    @Inject Database database;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "monocle.retention.biometric-without-consent.days", defaultValue = "0")
    long days;

    @Override
    public Policy policy() {
      return new Policy(
          "biometric_without_consent",
          "Face shape and width of customers without biometric consent are removed at the"
              + " next run: biometric data needs explicit consent (GDPR art. 9).",
          Duration.ofDays(days),
          Duration.ZERO,
          true);
    }

    @Override
    public Purged purgeBefore(Instant cutoff) {
      try (Connection c = database.dataSource().getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "UPDATE catalog_customer SET face_shape = NULL, face_width_mm = NULL,"
                      + " updated_at = ?, version = version + 1 WHERE consent_biometric = FALSE"
                      + " AND (face_shape IS NOT NULL OR face_width_mm IS NOT NULL)"
                      + " AND updated_at <= ?")) {
        s.setObject(1, JdbcTime.toColumn(clock.instant()));
        s.setObject(2, JdbcTime.toColumn(cutoff));
        return Purged.of(s.executeUpdate());
      } catch (SQLException e) {
        throw new IllegalStateException("biometric data not removed", e);
      }
    }
  }
}
