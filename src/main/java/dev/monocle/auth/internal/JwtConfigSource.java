package dev.monocle.auth.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT where Monocle's JWKS file is: {@code <data dir>/auth/jwks.json}, kept
 * current by {@link SigningKeys}. The data dir is read the way the platform reads it (system
 * property, then environment, then {@code ./data}); a low ordinal lets operators override.
 */
public class JwtConfigSource implements ConfigSource {

  static final String LOCATION = "mp.jwt.verify.publickey.location";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(LOCATION);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(LOCATION, location());
  }

  @Override
  public String getValue(String propertyName) {
    return LOCATION.equals(propertyName) ? location() : null;
  }

  @Override
  public String getName() {
    return "monocle-jwks-location";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }

  private static String location() {
    String dir = System.getProperty("monocle.data.dir");
    if (dir == null || dir.isBlank()) {
      dir = System.getenv("MONOCLE_DATA_DIR");
    }
    if (dir == null || dir.isBlank()) {
      dir = "data";
    }
    Path file = SigningKeys.jwksFile(Path.of(dir).toAbsolutePath().normalize());
    return file.toUri().toString();
  }
}
