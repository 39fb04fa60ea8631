package dev.monocle.decoding;

import dev.monocle.decoding.internal.ApyDecoder;
import dev.monocle.decoding.internal.MonocleDecoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** Clients for decoder nodes reached over HTTP. */
public final class RemoteDecoders {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private RemoteDecoders() {}

  /** A stock Apertium APy server ({@code /listPairs}, {@code /translate}). */
  public static Decoder apy(URI base, Duration timeout) {
    return new ApyDecoder(HTTP, base, timeout);
  }

  /**
   * Another Monocle instance in decoder role ({@code /api/v1/decode}), called with an API key that
   * holds the {@code decoder:node} scope; requests go in batches of at most {@code batchSegments}.
   */
  public static Decoder monocle(URI base, String apiKey, Duration timeout, int batchSegments) {
    return new MonocleDecoder(HTTP, base, apiKey, timeout, batchSegments);
  }
}
