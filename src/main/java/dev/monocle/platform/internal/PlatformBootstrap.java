package dev.monocle.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.monocle.platform.BackgroundWork;
import dev.monocle.platform.BlindIndex;
import dev.monocle.platform.Database;
import dev.monocle.platform.FieldCipher;
import dev.monocle.platform.Leases;
import dev.monocle.platform.PlatformReady;
import dev.monocle.platform.PlatformSettings;
import dev.monocle.platform.SealedFieldListener;
import dev.monocle.platform.SecretName;
import dev.monocle.platform.Secrets;
import dev.monocle.platform.SystemFact;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Brings the platform up in order: settings and secrets (fatal when wrong), the connection pool,
 * migrations, then key material. When the database is not reachable yet, the last two are retried
 * every few seconds and readiness stays down until they succeed.
 */
@ApplicationScoped
public class PlatformBootstrap implements Secrets {

  private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());
  private static final long RETRY_SECONDS = 5;

  @Inject PlatformSettings settings;
  @Inject Config config;
  @Inject Event<PlatformReady> ready;
  @Inject Event<SystemFact> facts;

  private Map<SecretName, byte[]> secrets = Map.of();
  private HikariDataSource pool;
  private Database.Engine engine;
  private volatile boolean started;
  private volatile JpaDatabase database;
  private volatile Keyring keyring;
  private volatile String lastFailure = "not started";
  private ScheduledExecutorService retries;
  private final String instanceId = instanceId();

  /** Secrets read before the trail could record it; reported once the platform is ready. */
  private final List<SecretName> readAtStart = new ArrayList<>();

  void onStart(@Observes Startup event) {
    JsonLogging.install();
    String signatures =
        NativeSignatures.install(
            config
                .getOptionalValue("monocle.crypto.native-signatures", Boolean.class)
                .orElse(true));
    LOG.info(() -> "ECDSA signatures (access tokens) by " + signatures);
    loadSecrets();
    String url = settings.databaseUrl().orElseGet(() -> ConnectionPool.h2Url(settings.dataDir()));
    engine = ConnectionPool.engineOf(url);
    pool =
        ConnectionPool.open(
            url,
            settings.databaseUser(),
            Optional.ofNullable(secrets.get(SecretName.DB_PASSWORD))
                .map(
                    password -> {
                      noteEarlyRead(SecretName.DB_PASSWORD);
                      return password;
                    }),
            config.getOptionalValue("monocle.db.pool-size", Integer.class).orElse(16));
    LOG.info(() -> "Monocle starting: profile " + settings.profile() + ", database " + engine);
    retries = BackgroundWork.scheduler("monocle-platform-init", 1);
    started = true;
    if (initializeData()) {
      announceReady();
    } else {
      retries.scheduleWithFixedDelay(this::retry, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void loadSecrets() {
    Set<SecretName> required = EnumSet.of(SecretName.KEK, SecretName.AUDIT_SIGNING_KEY);
    List<String> problems = new ArrayList<>();
    if (settings.isProduction()) {
      required.add(SecretName.DB_PASSWORD);
      required.add(SecretName.METRICS_TOKEN);
      if (settings.databaseUrl().isEmpty()) {
        problems.add("missing MONOCLE_DB_URL: the production profile runs on PostgreSQL");
      }
    }
    SecretLoader.Result result =
        new SecretLoader(
                settings.profile(),
                settings.dataDir(),
                key -> config.getOptionalValue(key, String.class),
                new SecureRandom())
            .load(EnumSet.allOf(SecretName.class), required);
    problems.addAll(result.problems());
    if (!problems.isEmpty()) {
      throw StartupFailure.stop(problems);
    }
    secrets = result.values();
  }

  private void retry() {
    if (initializeData()) {
      retries.shutdown();
      announceReady();
    }
  }

  /** Tells the modules; a module that fails here keeps readiness down via its own check. */
  private void announceReady() {
    try {
      ready.fire(new PlatformReady());
      List<SecretName> early;
      synchronized (readAtStart) {
        early = List.copyOf(readAtStart);
        readAtStart.clear();
      }
      early.forEach(name -> reportRead(name, "read at start-up"));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "A module failed to start on the ready database", e);
    }
  }

  /** Migrates and loads keys; false (and logged) when the database is not usable yet. */
  private synchronized boolean initializeData() {
    if (keyring != null) {
      return true;
    }
    try {
      int applied = new Migrations(pool, engine).migrate();
      LOG.info(() -> "Database migrations applied: " + applied);
      if (database == null) {
        database = new JpaDatabase(pool, engine, "META-INF/monocle-persistence.xml");
      }
      noteEarlyRead(SecretName.KEK);
      Keyring loaded = new Keyring(secrets.get(SecretName.KEK), new JdbcKeysetStore(pool));
      SealedFieldListener.use(new TinkFieldCipher(() -> loaded));
      keyring = loaded;
      lastFailure = null;
      LOG.info("Key material loaded");
      return true;
    } catch (GeneralSecurityException e) {
      lastFailure = "key material cannot be opened with MONOCLE_KEK";
      LOG.log(Level.SEVERE, lastFailure + "; retrying in " + RETRY_SECONDS + " s", e);
      return false;
    } catch (RuntimeException e) {
      lastFailure = "database not usable yet: " + e.getClass().getSimpleName();
      LOG.log(Level.WARNING, lastFailure + "; retrying in " + RETRY_SECONDS + " s", e);
      return false;
    }
  }

  @Override
  public byte[] get(SecretName name) {
    byte[] value = secrets.get(name);
    if (value == null) {
      throw new IllegalStateException("secret " + name.environmentName() + " is not configured");
    }
    if (database == null) {
      noteEarlyRead(name);
    } else {
      reportRead(name, "read by the application");
    }
    return value.clone();
  }

  private void noteEarlyRead(SecretName name) {
    synchronized (readAtStart) {
      if (!readAtStart.contains(name)) {
        readAtStart.add(name);
      }
    }
  }

  /** A {@code secret.read} fact: which secret (by name) on which instance, never the value. */
  private void reportRead(SecretName name, String how) {
    try {
      facts.fire(
          SystemFact.success(
              "secret.read", "secret", name.environmentName(), how + " on " + instanceId));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "secret.read of " + name.environmentName() + " not recorded", e);
    }
  }

  private static String instanceId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    String id = host + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    return id.length() > 100 ? id.substring(id.length() - 100) : id;
  }

  boolean isStarted() {
    return started;
  }

  boolean isMigrated() {
    return database != null;
  }

  boolean hasKeyMaterial() {
    return keyring != null;
  }

  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** Whether a connection can be had and answers within a second. */
  boolean databaseReachable() {
    if (pool == null) {
      return false;
    }
    try (Connection c = pool.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  Keyring keyring() {
    Keyring k = keyring;
    if (k == null) {
      throw new NotReadyException("key material");
    }
    return k;
  }

  JpaDatabase database() {
    JpaDatabase d = database;
    if (d == null) {
      throw new NotReadyException("database");
    }
    return d;
  }

  @Produces
  @ApplicationScoped
  Database produceDatabase() {
    return new ReadyDatabase(this::database, () -> engine);
  }

  @Produces
  @ApplicationScoped
  FieldCipher produceFieldCipher() {
    return new TinkFieldCipher(this::keyring);
  }

  @Produces
  @ApplicationScoped
  java.time.Clock produceClock() {
    return java.time.Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  Leases produceLeases(java.time.Clock clock) {
    return new JdbcLeases(() -> database().dataSource(), clock, instanceId);
  }

  @Produces
  @ApplicationScoped
  BlindIndex produceBlindIndex() {
    return new TinkBlindIndex(this::keyring);
  }

  @PreDestroy
  void stop() {
    if (retries != null) {
      retries.shutdownNow();
    }
    if (database != null) {
      database.close();
    }
    if (pool != null) {
      pool.close();
    }
    NativeSignatures.uninstall();
  }
}
