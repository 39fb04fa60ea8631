package dev.monocle.platform.internal;

import dev.monocle.platform.Database;
import jakarta.persistence.EntityManager;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The {@link Database} modules inject: the JPA database once migrations ran, 503 before. */
final class ReadyDatabase implements Database {

  private final Supplier<JpaDatabase> jpa;
  private final Supplier<Engine> engine;

  ReadyDatabase(Supplier<JpaDatabase> jpa, Supplier<Engine> engine) {
    this.jpa = jpa;
    this.engine = engine;
  }

  @Override
  public <T> T inTransaction(Function<EntityManager, T> work) {
    return jpa.get().inTransaction(work);
  }

  @Override
  public DataSource dataSource() {
    return jpa.get().dataSource();
  }

  @Override
  public Engine engine() {
    return engine.get();
  }
}
