package dev.monocle.decoding;

import dev.monocle.decoding.internal.ApyDecoder;
import dev.monocle.decoding.internal.MonocleDecoder;
import dev.monocle.decoding.internal.NodeTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Clients for decoder nodes reached over HTTP or HTTPS. One HTTP client serves every node; its TLS
 * (trusted CA, client certificate for mTLS) comes from {@code monocle.translation.tls.*}, see
 * {@link NodeTls}.
 */
public final class RemoteDecoders {

  private static final class Shared {
    static final HttpClient HTTP = client(ConfigProvider.getConfig());
  }

  private RemoteDecoders() {}

  static HttpClient client(Config config) {
    try {
      return HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .sslContext(
              NodeTls.context(
                  file(config, "monocle.translation.tls.ca.file"),
                  file(config, "monocle.translation.tls.client.cert.file"),
                  file(config, "monocle.translation.tls.client.key.file")))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> file(Config config, String key) {
    return config
        .getOptionalValue(key, String.class)
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .map(Path::of);
  }

  /** A stock Apertium APy server ({@code /listPairs}, {@code /translate}). */
  public static Decoder apy(URI base, Duration timeout) {
    return new ApyDecoder(Shared.HTTP, base, timeout);
  }

  /**
   * Another Monocle instance in decoder role ({@code /api/v1/decode}), called with an API key that
   * holds the {@code decoder:node} scope; requests go in batches of at most {@code batchSegments}.
   */
  public static Decoder monocle(URI base, String apiKey, Duration timeout, int batchSegments) {
    return new MonocleDecoder(Shared.HTTP, base, apiKey, timeout, batchSegments);
  }
}
