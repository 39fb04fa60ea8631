package dev.monocle.platform;

import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What an instance serves ({@code monocle.role} / {@code MONOCLE_ROLE}). {@code all}, the default,
 * is the whole application; {@code decoder} is a translation node that answers only {@code
 * /api/v1/decode} and the health probes.
 */
public enum ServerRole {
  ALL,
  DECODER;

  private static final String DECODE = "/api/v1/decode";

  /**
   * Whether an instance in this role serves {@code path}: a decoder node only decode and health,
   * the whole application everything but decode. The platform answers 404 for the rest.
   */
  public boolean serves(String path) {
    String normal = normal(path);
    if (this == DECODER) {
      return normal.equals(DECODE) || HEALTH.contains(normal);
    }
    return !normal.equals(DECODE) && !normal.startsWith(DECODE + "/");
  }

  /** Whether {@code path} is one of the health probes (answered without credentials). */
  public static boolean isProbe(String path) {
    return HEALTH.contains(normal(path));
  }

  /** {@code path} with repeated slashes collapsed and no trailing slash (but {@code /}). */
  private static String normal(String path) {
    String normal = path.contains("//") ? path.replaceAll("/{2,}", "/") : path;
    return normal.length() > 1 && normal.endsWith("/")
        ? normal.substring(0, normal.length() - 1)
        : normal;
  }

  private static final java.util.Set<String> HEALTH =
      java.util.Set.of("/health", "/health/live", "/health/ready", "/health/started");

  public static ServerRole configured() {
    String value =
        ConfigProvider.getConfig()
            .getOptionalValue("monocle.role", String.class)
            .orElse("all")
            .trim()
            .toUpperCase(Locale.ROOT);
    try {
      return ServerRole.valueOf(value);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalStateException("monocle.role must be all or decoder", unknown);
    }
  }
}
