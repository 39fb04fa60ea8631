package dev.monocle.platform.internal;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * ECDSA P-256 signatures ({@code SHA256withECDSA}, what ES256 uses) from AWS-LC through the Amazon
 * Corretto Crypto Provider, installed as the JCA's first choice for that one algorithm. Access
 * tokens are ES256: Monocle signs one at every sign-in and refresh, and Payara's MicroProfile JWT
 * verifies one on every request, both through the default JCA lookup. On Java 17 the JDK's own
 * P-256 takes about 0.7 ms to sign and 1.3 ms to verify; AWS-LC about 0.04 and 0.06 ms ({@code
 * SignatureBench}).
 *
 * <p>Only that one service is exposed: every other algorithm (AES-GCM of the data keys, SHA-256,
 * TLS, random numbers) stays with the JDK. Where the native library cannot load (another CPU or C
 * library, a {@code /tmp} mounted noexec) or fails its self-tests, nothing is installed and the JDK
 * signs and verifies: the same tokens, more slowly.
 */
public final class NativeSignatures extends Provider {

  static final String NAME = "MonocleNativeEcdsa";
  static final List<String> ALGORITHMS = List.of("SHA256withECDSA");

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(NativeSignatures.class.getName());

  private NativeSignatures(Provider source) {
    super(NAME, "1", "ECDSA signatures of " + source.getName() + " " + source.getVersionStr());
    for (String algorithm : ALGORITHMS) {
      Service service = source.getService("Signature", algorithm);
      if (service == null) {
        throw new IllegalStateException(source.getName() + " has no " + algorithm);
      }
      putService(new Delegate(this, service));
    }
  }

  /**
   * Installs the provider first in the JCA's list unless {@code enabled} is false or the native
   * library is unusable; returns what signs ES256 from now on, for the start-up log.
   */
  public static synchronized String install(boolean enabled) {
    if (!enabled) {
      uninstall();
      return "the JDK (native signatures switched off)";
    }
    Optional<Provider> source = healthySource();
    if (source.isEmpty()) {
      return "the JDK (the native library is not usable here)";
    }
    if (Security.getProvider(NAME) == null) {
      Security.insertProviderAt(new NativeSignatures(source.get()), 1);
    }
    return source.get().getName() + " " + source.get().getVersionStr() + " (AWS-LC)";
  }

  /** Removes the provider, so that an undeployed application leaves no class of its behind. */
  public static synchronized void uninstall() {
    Security.removeProvider(NAME);
  }

  private static Optional<Provider> healthySource() {
    try {
      AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
      if (accp.getLoadingError() != null) {
        LOG.warning(
            "Native ECDSA unavailable, the JDK signs access tokens: " + accp.getLoadingError());
        return Optional.empty();
      }
      accp.assertHealthy();
      return Optional.of(accp);
    } catch (RuntimeException | LinkageError e) {
      LOG.warning("Native ECDSA unavailable, the JDK signs access tokens: " + e);
      return Optional.empty();
    }
  }

  /** One service of the source provider, under this provider's name. */
  private static final class Delegate extends Service {
    private final Service target;

    Delegate(Provider owner, Service target) {
      super(
          owner,
          target.getType(),
          target.getAlgorithm(),
          target.getClassName(),
          List.of(),
          Map.of());
      this.target = target;
    }

    @Override
    public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
      return target.newInstance(parameter);
    }

    @Override
    public boolean supportsParameter(Object parameter) {
      return target.supportsParameter(parameter);
    }
  }
}
