package dev.monocle.platform.internal;

import dev.monocle.platform.BackgroundWork;
import dev.monocle.platform.BlindIndex;
import dev.monocle.platform.DataKeys;
import dev.monocle.platform.FieldCipher;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.Leases;
import dev.monocle.platform.PlatformReady;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.SealedColumn;
import dev.monocle.platform.SystemFact;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link DataKeys} for Monocle: key metadata in {@code platform_data_key}, rotation through the
 * {@link Keyring}, and the background work once the platform is ready: every instance re-reads the
 * stored keysets every {@code monocle.keys.refresh-seconds} (so a rotation elsewhere reaches it),
 * and polls for a re-encryption job every {@code monocle.keys.reencrypt.poll-seconds}.
 */
@ApplicationScoped
public class DataKeyService implements DataKeys {

  private static final Logger LOG = Logger.getLogger(DataKeyService.class.getName());

  @Inject PlatformBootstrap platform;
  @Inject BeanManager beans;
  @Inject Leases leases;
  @Inject Clock clock;
  @Inject Event<SystemFact> facts;
  @Inject FieldCipher cipher;
  @Inject BlindIndex blindIndex;

  @Inject
  @ConfigProperty(name = "monocle.keys.refresh-seconds", defaultValue = "10")
  long refreshSeconds;

  @Inject
  @ConfigProperty(name = "monocle.keys.reencrypt.poll-seconds", defaultValue = "5")
  long pollSeconds;

  @Inject
  @ConfigProperty(name = "monocle.keys.reencrypt.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "monocle.keys.reencrypt.lease-seconds", defaultValue = "60")
  long leaseSeconds;

  private volatile Reencryption reencryption;
  private volatile List<BlindIndexRebuild.IndexColumn> indexColumns = List.of();
  private ScheduledExecutorService scheduler;

  void onReady(@Observes PlatformReady ready) {
    Keyring keyring = platform.keyring();
    recordKnownKeys(keyring);
    reencryption =
        new Reencryption(
            this::dataSource,
            keyring,
            cipher,
            SealedTable.registry(platform.database().entityClasses(), sealingBeans()),
            leases,
            clock,
            facts::fire,
            new Reencryption.Settings(
                batchSize,
                Duration.ofSeconds(leaseSeconds),
                // Every instance has re-read the keyset (and seals with the new key) by then.
                Duration.ofSeconds(2 * refreshSeconds + 1)));
    indexColumns = BlindIndexRebuild.registry(platform.database().entityClasses());
    LOG.info(
        () ->
            "Sealed columns: "
                + reencryption.tables().stream()
                    .map(t -> t.table() + t.columns())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("none"));
    scheduler = BackgroundWork.scheduler("monocle-keys", 2);
    scheduler.scheduleWithFixedDelay(
        BackgroundWork.guarded(LOG, "Keyset refresh", keyring::refresh),
        refreshSeconds,
        refreshSeconds,
        TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        BackgroundWork.guarded(LOG, "Re-encryption", () -> reencryption.work(Integer.MAX_VALUE)),
        pollSeconds,
        pollSeconds,
        TimeUnit.SECONDS);
  }

  /** The beans that seal columns over JDBC and say so with {@link SealedColumn}. */
  private Set<Class<?>> sealingBeans() {
    Set<Class<?>> found = new LinkedHashSet<>();
    for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> type = bean.getBeanClass();
      if (type.getAnnotationsByType(SealedColumn.class).length > 0) {
        found.add(type);
      }
    }
    return found;
  }

  private DataSource dataSource() {
    return platform.database().dataSource();
  }

  Reencryption reencryption() {
    Reencryption r = reencryption;
    if (r == null) {
      throw new NotReadyException("key material");
    }
    return r;
  }

  @Override
  public Status status() {
    Keyring keyring = platform.keyring();
    int primary = keyring.primaryDataKeyId();
    List<Integer> inKeyset = keyring.dataKeyIds();
    Map<Long, Key> keys = new TreeMap<>();
    Key blind = null;
    try (Connection c = dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT keyset, key_id, created_at, retired_at, removed_at FROM platform_data_key"
                    + " ORDER BY created_at, key_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(2);
        Instant created = JdbcTime.instant(rs, 3);
        Instant retired = JdbcTime.instant(rs, 4);
        Instant removed = JdbcTime.instant(rs, 5);
        if (Keyring.BLIND_INDEX.equals(rs.getString(1))) {
          if (id == Integer.toUnsignedLong(keyring.blindIndexKeyId())) {
            blind = new Key(id, "primary", created, retired, removed);
          }
          continue;
        }
        String state =
            id == Integer.toUnsignedLong(primary)
                ? "primary"
                : inKeyset.stream().anyMatch(k -> Integer.toUnsignedLong(k) == id)
                    ? "retired"
                    : "removed";
        keys.put(id, new Key(id, state, created, retired, removed));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("key metadata unreadable", e);
    }
    if (blind == null) { // no metadata row (yet): the id alone
      blind =
          new Key(Integer.toUnsignedLong(keyring.blindIndexKeyId()), "primary", null, null, null);
    }
    return new Status(
        Integer.toUnsignedLong(primary),
        List.copyOf(keys.values()),
        blind,
        reencryption().progress());
  }

  @Override
  public Progress rotate() {
    Keyring keyring = platform.keyring();
    int newKey;
    try {
      newKey = keyring.rotateDataKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("data key not rotated", e);
    }
    Instant now = clock.instant();
    try (Connection c = dataSource().getConnection()) {
      try (PreparedStatement retire =
          c.prepareStatement(
              "UPDATE platform_data_key SET retired_at = ? WHERE keyset = ? AND retired_at IS NULL"
                  + " AND key_id <> ?")) {
        retire.setObject(1, JdbcTime.toColumn(now));
        retire.setString(2, Keyring.DATA);
        retire.setLong(3, Integer.toUnsignedLong(newKey));
        retire.executeUpdate();
      }
      insertKey(c, Keyring.DATA, newKey, now);
    } catch (SQLException e) {
      throw new IllegalStateException("key metadata not stored", e);
    }
    return reencryption().start(Integer.toUnsignedLong(newKey));
  }

  @Override
  public BlindIndexRotation rotateBlindIndex() {
    Optional<Leases.Lease> lease =
        leases.tryAcquire("platform.blind-index", Duration.ofSeconds(600 + 2 * refreshSeconds));
    if (lease.isEmpty()) {
      throw ProblemException.conflict("A blind-index rotation is already running.");
    }
    try (Leases.Lease held = lease.get()) {
      return rotateAndRebuild();
    }
  }

  private BlindIndexRotation rotateAndRebuild() {
    Keyring keyring = platform.keyring();
    int old = keyring.blindIndexKeyId();
    int fresh;
    try {
      fresh = keyring.rotateBlindIndexKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("blind-index key not rotated", e);
    }
    Instant now = clock.instant();
    try (Connection c = dataSource().getConnection()) {
      insertKey(c, Keyring.BLIND_INDEX, fresh, now);
      try (PreparedStatement removed =
          c.prepareStatement(
              "UPDATE platform_data_key SET retired_at = ?, removed_at = ? WHERE keyset = ? AND"
                  + " key_id = ?")) {
        removed.setObject(1, JdbcTime.toColumn(now));
        removed.setObject(2, JdbcTime.toColumn(now));
        removed.setString(3, Keyring.BLIND_INDEX);
        removed.setLong(4, Integer.toUnsignedLong(old));
        removed.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("key metadata not stored", e);
    }
    long rows = BlindIndexRebuild.rebuild(dataSource(), cipher, blindIndex, indexColumns);
    try {
      // Instances that had not read the new key yet may have written old-key indexes meanwhile.
      Thread.sleep(TimeUnit.SECONDS.toMillis(2 * refreshSeconds + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("blind-index rebuild interrupted", e);
    }
    BlindIndexRebuild.rebuild(dataSource(), cipher, blindIndex, indexColumns);
    facts.fire(
        SystemFact.success(
            "keys.blind_index_rebuilt",
            "blind_index_key",
            Long.toString(Integer.toUnsignedLong(fresh)),
            rows + " rows re-indexed in " + indexColumns.size() + " columns"));
    return new BlindIndexRotation(Integer.toUnsignedLong(fresh), rows);
  }

  /** Gives keys made before this table existed (or by the first start) their metadata row. */
  private void recordKnownKeys(Keyring keyring) {
    Instant now = clock.instant();
    List<Integer> data = new ArrayList<>(keyring.dataKeyIds());
    try (Connection c = dataSource().getConnection()) {
      for (int id : data) {
        insertKey(c, Keyring.DATA, id, now);
      }
      insertKey(c, Keyring.BLIND_INDEX, keyring.blindIndexKeyId(), now);
    } catch (SQLException e) {
      throw new IllegalStateException("key metadata not stored", e);
    }
  }

  private static void insertKey(Connection c, String keyset, int id, Instant now)
      throws SQLException {
    try (PreparedStatement exists =
        c.prepareStatement("SELECT 1 FROM platform_data_key WHERE keyset = ? AND key_id = ?")) {
      exists.setString(1, keyset);
      exists.setLong(2, Integer.toUnsignedLong(id));
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO platform_data_key (keyset, key_id, created_at) VALUES (?, ?, ?)")) {
      insert.setString(1, keyset);
      insert.setLong(2, Integer.toUnsignedLong(id));
      insert.setObject(3, JdbcTime.toColumn(now));
      insert.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e; // a duplicate means another instance recorded it first
      }
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
