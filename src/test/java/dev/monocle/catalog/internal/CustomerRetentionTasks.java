package dev.monocle.catalog.internal;

import dev.monocle.audit.AuditTrail;
import dev.monocle.platform.Database;
import dev.monocle.platform.RetentionTask;
import java.time.Clock;
import java.util.List;

/** The catalog's retention tasks wired by hand, with their default periods. */
public final class CustomerRetentionTasks {

  private CustomerRetentionTasks() {}

  public static List<RetentionTask> of(Database database, AuditTrail audit, Clock clock) {
    CustomerRetention.InactiveCustomers inactive = new CustomerRetention.InactiveCustomers();
    inactive.database = database;
    inactive.audit = audit;
    inactive.days = 1095;
    CustomerRetention.BiometricWithoutConsent biometric =
        new CustomerRetention.BiometricWithoutConsent();
    biometric.database = database;
    biometric.clock = clock;
    biometric.days = 0;
    return List.of(inactive, biometric);
  }
}
