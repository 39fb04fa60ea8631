package dev.monocle.auth.internal;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.platform.BackgroundWork;
import dev.monocle.platform.Database;
import dev.monocle.platform.PlatformReady;
import dev.monocle.platform.PlatformSettings;
import dev.monocle.platform.access.Role;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * What auth does once the database is ready: a signing key and the JWKS file, recent revocations
 * back into the grid cache, the bootstrap platform admin when none exists, and the periodic flush
 * of API key last-use times.
 */
@ApplicationScoped
public class AuthStartup {

  private static final Logger LOG = Logger.getLogger(AuthStartup.class.getName());

  @Inject SigningKeys signingKeys;
  @Inject SessionStore sessions;
  @Inject ApiKeyStore apiKeys;
  @Inject Directory directory;
  @Inject Logins logins;
  @Inject Database database;
  @Inject PlatformSettings settings;
  @Inject AuditTrail audit;
  @Inject Config config;
  @Inject Clock clock;

  private ScheduledExecutorService chores;

  void onReady(@Observes PlatformReady ready) {
    signingKeys.initialize();
    sessions.warmRevocations();
    bootstrapAdmin();
    chores = BackgroundWork.scheduler("monocle-auth-chores", 1);
    chores.scheduleWithFixedDelay(this::chores, 60, 60, TimeUnit.SECONDS);
  }

  private void chores() {
    try {
      apiKeys.flushLastUse();
      signingKeys.all();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Auth housekeeping failed; retrying in a minute", e);
    }
  }

  /**
   * No default accounts: a platform admin is created only when none exists, from {@code
   * MONOCLE_BOOTSTRAP_ADMIN_USERNAME} and its password (file or value), or in dev with a one-time
   * password printed once. The admin must enroll TOTP at first sign-in.
   */
  private void bootstrapAdmin() {
    Optional<String> username =
        config.getOptionalValue("monocle.bootstrap.admin.username", String.class);
    Optional<String> password = bootstrapPassword();
    boolean generated = false;
    if (username.isEmpty() || password.isEmpty()) {
      if (settings.isProduction() || database.inTransaction(directory::platformAdminExists)) {
        if (settings.isProduction() && !database.inTransaction(directory::platformAdminExists)) {
          LOG.warning(
              "No platform admin exists: set MONOCLE_BOOTSTRAP_ADMIN_USERNAME and MONOCLE_BOOTSTRAP_ADMIN_PASSWORD_FILE");
        }
        return;
      }
      username = Optional.of("admin");
      password = Optional.of(RandomTokens.urlSafe(18));
      generated = true;
    }
    String name = username.get();
    String secret = password.get();
    try {
      logins.requireStrong(secret, "MONOCLE_BOOTSTRAP_ADMIN_PASSWORD", name);
    } catch (RuntimeException weak) {
      LOG.severe("The bootstrap admin password is too weak; no admin was created");
      return;
    }
    String hash = logins.hash(secret);
    Instant now = clock.instant();
    String created =
        database.inTransaction(
            em -> {
              if (directory.platformAdminExists(em)) {
                return null;
              }
              TenantEntity platform =
                  directory
                      .tenantBySlug(em, TenantEntity.PLATFORM)
                      .orElseGet(
                          () -> {
                            TenantEntity t =
                                new TenantEntity(TenantEntity.PLATFORM, "Platform", now);
                            em.persist(t);
                            return t;
                          });
              UserEntity admin = new UserEntity(platform.id, name, hash, now);
              em.persist(admin);
              em.flush();
              directory.setRoles(em, admin.id, Set.of(Role.PLATFORM_ADMIN), null, now);
              return admin.id;
            });
    if (created == null) {
      return;
    }
    audit.record(
        AuditEvent.success(
            "admin.bootstrap_admin_created", Actor.SYSTEM, null, Target.of("user", created)));
    if (generated) {
      // Dev only, by design: the one way into a fresh dev instance. Printed once, never again.
      LOG.warning(
          "Bootstrap platform admin 'admin' in tenant 'platform' created with one-time password "
              + secret
              + " (dev profile only; enroll TOTP at first sign-in)");
    } else {
      LOG.info(() -> "Bootstrap platform admin '" + name + "' created in tenant 'platform'");
    }
  }

  private Optional<String> bootstrapPassword() {
    Optional<String> file =
        config.getOptionalValue("monocle.bootstrap.admin.password.file", String.class);
    if (file.isPresent()) {
      try {
        return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        LOG.severe("MONOCLE_BOOTSTRAP_ADMIN_PASSWORD_FILE cannot be read");
        return Optional.empty();
      }
    }
    return config.getOptionalValue("monocle.bootstrap.admin.password", String.class);
  }

  @PreDestroy
  void stop() {
    if (chores != null) {
      chores.shutdownNow();
    }
  }
}
