package dev.monocle.platform.internal;

import dev.monocle.platform.PlatformSettings;
import dev.monocle.platform.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@link PlatformSettings} read once from MicroProfile Config. */
@ApplicationScoped
public class ConfiguredSettings implements PlatformSettings {

  private final Profile profile;
  private final Path dataDir;
  private final Optional<String> databaseUrl;
  private final Optional<String> databaseUser;

  public ConfiguredSettings() {
    this(ConfigProvider.getConfig());
  }

  ConfiguredSettings(Config config) {
    this.profile =
        Profile.parse(config.getOptionalValue("monocle.profile", String.class).orElse("dev"));
    this.dataDir =
        Path.of(config.getOptionalValue("monocle.data.dir", String.class).orElse("data"))
            .toAbsolutePath()
            .normalize();
    this.databaseUrl = nonBlank(config.getOptionalValue("monocle.db.url", String.class));
    this.databaseUser = nonBlank(config.getOptionalValue("monocle.db.user", String.class));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public Optional<String> databaseUrl() {
    return databaseUrl;
  }

  @Override
  public Optional<String> databaseUser() {
    return databaseUser;
  }
}
