package dev.monocle.platform.internal;

import dev.monocle.platform.Database;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * EclipseLink over the pool, in resource-local mode: the persistence unit is created by Monocle,
 * not by the container, so the database is chosen by configuration alone. The unit is described in
 * {@code META-INF/monocle-persistence.xml} (a name the container does not pick up) and finds every
 * {@code @Entity} of the WAR by scanning.
 */
final class JpaDatabase implements Database, AutoCloseable {

  private final DataSource dataSource;
  private final Engine engine;
  private final EntityManagerFactory factory;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  JpaDatabase(DataSource dataSource, Engine engine, String persistenceXml) {
    this.dataSource = dataSource;
    this.engine = engine;
    Map<String, Object> properties = new HashMap<>();
    properties.put("eclipselink.persistencexml", persistenceXml);
    properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("eclipselink.classloader", JpaDatabase.class.getClassLoader());
    properties.put("eclipselink.session-name", "monocle-" + UUID.randomUUID());
    properties.put("eclipselink.weaving", "false");
    properties.put("eclipselink.cache.shared.default", "false");
    properties.put("eclipselink.logging.logger", "JavaLogger");
    properties.put("eclipselink.logging.parameters", "false");
    properties.put(
        "eclipselink.target-database",
        engine == Engine.H2
            ? "org.eclipse.persistence.platform.database.H2Platform"
            : "org.eclipse.persistence.platform.database.PostgreSQLPlatform");
    this.factory = new PersistenceProvider().createEntityManagerFactory("monocle", properties);
    if (factory == null) {
      throw new IllegalStateException("persistence unit 'monocle' not found in " + persistenceXml);
    }
  }

  @Override
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager joined = current.get();
    if (joined != null) {
      return work.apply(joined);
    }
    EntityManager em = factory.createEntityManager();
    current.set(em);
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      current.remove();
      em.close();
    }
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public Engine engine() {
    return engine;
  }

  /** Every entity class of the persistence unit. */
  java.util.List<Class<?>> entityClasses() {
    return factory.getMetamodel().getEntities().stream()
        .<Class<?>>map(jakarta.persistence.metamodel.EntityType::getJavaType)
        .toList();
  }

  @Override
  public void close() {
    factory.close();
  }
}
