package dev.monocle.platform.internal;

import dev.monocle.platform.Database.Engine;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway over the scripts in {@code db/migrations/} (packaged as {@code db/migration} on the
 * classpath). The same scripts run on H2 and PostgreSQL; the few statements only one engine
 * understands (PostgreSQL's triggers) live in {@code db/migrations/vendor/<engine>/} and run on
 * that engine only, in the same version order.
 */
public final class Migrations {

  private final Flyway flyway;

  public Migrations(DataSource dataSource, Engine engine) {
    this.flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(
                "classpath:db/migration",
                "classpath:db/vendor/" + engine.name().toLowerCase(Locale.ROOT))
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
