package dev.monocle.catalog.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.AccessControl;
import dev.monocle.auth.Caller;
import dev.monocle.platform.Database;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import dev.monocle.platform.internal.Migrations;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The frame services over a real in-memory H2 database with Monocle's migrations, a caller the test
 * chooses, an audit trail that keeps events in a list and a translator the test supplies.
 */
final class CatalogFixture implements AutoCloseable {

  final HikariDataSource pool;
  final List<AuditEvent> events = new ArrayList<>();
  Caller caller = editor("tenant-a");
  final FrameCatalog catalog = new FrameCatalog();
  final FrameImport imports = new FrameImport();
  final Recommendations recommendations = new Recommendations();

  CatalogFixture(dev.monocle.translation.Translator translator) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:catalog-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    new Migrations(pool, Database.Engine.H2).migrate();
    CatalogJdbc jdbc = new CatalogJdbc();
    jdbc.database = new JdbcOnly(pool);
    AccessControl access =
        new AccessControl() {
          @Override
          public Caller caller() {
            return caller;
          }

          @Override
          public void requireTenant(String tenantId) {
            if (!caller.isPlatformWide() && !caller.tenantId().equals(tenantId)) {
              throw ProblemException.notFound();
            }
          }
        };
    AuditTrail audit =
        new AuditTrail() {
          @Override
          public void record(AuditEvent event) {
            events.add(event);
          }

          @Override
          public void recordAll(List<AuditEvent> all) {
            events.addAll(all);
          }

          @Override
          public void recordSoon(AuditEvent event) {
            events.add(event);
          }
        };
    catalog.database = jdbc.database;
    catalog.jdbc = jdbc;
    catalog.access = access;
    catalog.audit = audit;
    catalog.clock = Clock.systemUTC();
    catalog.translator = translator;
    imports.jdbc = jdbc;
    imports.access = access;
    imports.audit = audit;
    imports.clock = Clock.systemUTC();
    recommendations.jdbc = jdbc;
    recommendations.access = access;
  }

  static Caller editor(String tenant) {
    return user(tenant, Role.CATALOG_EDITOR);
  }

  static Caller user(String tenant, Role role) {
    return new Caller(
        Caller.Kind.USER,
        "user-" + role,
        tenant,
        tenant,
        "u",
        Set.of(role),
        Set.of(),
        "s",
        List.of("pwd"));
  }

  static Caller service(String tenant, Scope scope) {
    return new Caller(
        Caller.Kind.SERVICE,
        "key-1",
        tenant,
        tenant,
        "k",
        Set.of(),
        Set.of(scope),
        null,
        List.of());
  }

  @Override
  public void close() {
    pool.close();
  }

  /** A Database that only lends connections (the frame services use nothing else). */
  private record JdbcOnly(DataSource dataSource) implements Database {
    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
      throw new UnsupportedOperationException("JPA is not part of this fixture");
    }

    @Override
    public Engine engine() {
      return Engine.H2;
    }
  }
}
