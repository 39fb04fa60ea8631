package dev.monocle.platform.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway over the scripts in {@code db/migrations/} (packaged as {@code db/migration} on the
 * classpath). The same scripts run on H2 and PostgreSQL.
 */
public final class Migrations {

  private final Flyway flyway;

  public Migrations(DataSource dataSource) {
    this.flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load();
  }

  /** Applies pending migrations; returns how many ran (0 when the schema was current). */
  public int migrate() {
    MigrateResult result = flyway.migrate();
    return result.migrationsExecuted;
  }

  /** How many migrations are known but not applied. */
  public int pending() {
    return flyway.info().pending().length;
  }
}
