package dev.monocle.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What every black-box test needs: the WAR the build made, and an HTTP client for it. */
public final class BlackBox {

  private final URI base;

  /**
   * HTTP/1.1, as curl and browsers speak on plain HTTP. (The JDK's default h2c upgrade meets a
   * Grizzly quirk: an upgraded connection that gets an early 413 hangs; see the bench README.)
   */
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Talks to the port Arquillian reports, always on loopback (never a machine address). */
  public BlackBox(URL base) {
    this.base = URI.create("http://127.0.0.1:" + base.getPort() + "/");
  }

  /** The real {@code target/monocle.war}, exactly as it ships. */
  public static WebArchive war() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("monocle.war", "target/monocle.war")));
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
        .timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /**
   * {@code GET /metrics} as Prometheus does it: with the scrape token that the dev profile
   * generated into the server's data directory ({@code MONOCLE_DATA_DIR/secrets/metrics-token}).
   */
  public HttpResponse<String> scrapeMetrics() {
    return send(
        request("/metrics")
            .header("Authorization", metricsCredentials(metricsToken()))
            .GET()
            .build());
  }

  /** HTTP Basic credentials of the scrape: user {@code prometheus}, the token as password. */
  public static String metricsCredentials(String token) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                ("prometheus:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The scrape token the server under test uses. */
  public static String metricsToken() {
    try {
      return java.nio.file.Files.readString(
              java.nio.file.Path.of(System.getenv("MONOCLE_DATA_DIR"), "secrets", "metrics-token"))
          .trim();
    } catch (IOException e) {
      throw new IllegalStateException("the server generated no metrics token", e);
    }
  }
}
