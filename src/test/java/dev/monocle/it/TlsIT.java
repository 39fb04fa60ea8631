package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.monocle.decoding.internal.NodeTls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monocle serving HTTPS itself, started as an operator would ({@code ops/payara/start} with PEM
 * files): testssl finds no weak protocol or cipher ({@code ops/tls/check}, whose report is kept
 * under {@code target/tls-check/}), the checker fails on a server that offers a weak suite, HSTS is
 * sent, the plain HTTP listener is off, the certificate's days left are a metric, and a certificate
 * expiring within 14 days takes readiness down. A decoder node given a client CA decodes only for
 * clients with a certificate of that CA (mTLS); its probes answer without one, for the kubelet.
 */
@EnabledIfEnvironmentVariable(named = "MONOCLE_TEST_DATABASE", matches = "h2")
class TlsIT {

  private static final Path REPORTS = Path.of("target", "tls-check");

  @TempDir Path dir;

  @Test
  void servesStrongTlsOnlyAndReportsTheCertificate() throws Exception {
    TestCertificates certs = new TestCertificates(dir);
    certs.ca("ca");
    certs.leaf("server", "ca", 200);
    int http = freePort();
    int https = freePort();
    Path data = dir.resolve("data");
    try (Server server =
        Server.start(
            dir,
            Map.of(
                "MONOCLE_DATA_DIR", data.toString(),
                "MONOCLE_PORT", String.valueOf(http),
                "MONOCLE_TLS_PORT", String.valueOf(https),
                "MONOCLE_TLS_CERT_FILE", certs.pem("server").toString(),
                "MONOCLE_TLS_KEY_FILE", certs.key("server").toString()))) {
      HttpClient client =
          client(NodeTls.context(Optional.of(certs.pem("ca")), Optional.empty(), Optional.empty()));
      URI base = URI.create("https://localhost:" + https + "/");
      server.awaitStarted(client, base);

      HttpResponse<String> ready = get(client, base.resolve("health/ready"), Map.of());
      JsonObject check = check(ready.body(), "tls-certificate");
      assertEquals("UP", check.getString("status"), ready.body());
      assertEquals(
          "199", check.getJsonObject("data").get("days_left").toString().replace("\"", ""));
      assertTrue(
          ready.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="),
          "HSTS");
      assertThrows(
          ConnectException.class,
          () ->
              get(
                  HttpClient.newHttpClient(),
                  URI.create("http://127.0.0.1:" + http + "/health/live"),
                  Map.of()),
          "with TLS configured the plain HTTP listener is off");

      String token = Files.readString(data.resolve("secrets/metrics-token")).trim();
      HttpResponse<String> metrics =
          get(
              client,
              base.resolve("metrics"),
              Map.of("Authorization", BlackBox.metricsCredentials(token)));
      assertEquals(200, metrics.statusCode());
      Matcher days =
          Pattern.compile("(?m)^tls_certificate_expiry_days(\\{[^}]*})? (\\S+)$")
              .matcher(metrics.body());
      assertTrue(days.find(), "tls_certificate_expiry_days is exported");
      double left = Double.parseDouble(days.group(2));
      assertTrue(left > 199 && left <= 200, "days left: " + left);

      Files.createDirectories(REPORTS);
      Commands.Result verdict =
          runCheck("localhost:" + https, certs.pem("ca"), REPORTS.resolve("monocle.json"));
      assertEquals(0, verdict.exit(), verdict.output());
      assertTrue(
          verdict.output().contains("no weak protocol, cipher or setting"), verdict.output());
    }
  }

  @Test
  void theCheckerFailsOnAServerThatOffersAWeakSuite() throws Exception {
    TestCertificates certs = new TestCertificates(dir);
    certs.ca("ca");
    certs.leaf("weak", "ca", 200);
    SSLContext context =
        NodeTls.context(
            Optional.empty(), Optional.of(certs.pem("weak")), Optional.of(certs.key("weak")));
    HttpsServer weak = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    weak.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            var ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setProtocols(new String[] {"TLSv1.2"});
            ssl.setCipherSuites(
                new String[] {
                  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"
                });
            params.setSSLParameters(ssl);
          }
        });
    weak.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    weak.start();
    try {
      Files.createDirectories(REPORTS);
      Commands.Result verdict =
          runCheck(
              "localhost:" + weak.getAddress().getPort(),
              certs.pem("ca"),
              REPORTS.resolve("weak-server.json"));
      assertEquals(1, verdict.exit(), verdict.output());
      assertTrue(verdict.output().contains("FAIL"), verdict.output());
    } finally {
      weak.stop(0);
    }
  }

  @Test
  void aDecoderNodeRequiresTheCoordinatorsCertificateAndAnExpiringOneIsNotReady() throws Exception {
    TestCertificates certs = new TestCertificates(dir);
    certs.ca("node-ca");
    certs.leaf("node", "node-ca", 5);
    certs.ca("coordinator-ca");
    certs.leaf("coordinator", "coordinator-ca", 30);
    certs.ca("stranger-ca");
    certs.leaf("stranger", "stranger-ca", 30);
    int https = freePort();
    try (Server server =
        Server.start(
            dir,
            Map.of(
                "MONOCLE_ROLE", "decoder",
                "MONOCLE_DATA_DIR", dir.resolve("data").toString(),
                "MONOCLE_PORT", String.valueOf(freePort()),
                "MONOCLE_TLS_PORT", String.valueOf(https),
                "MONOCLE_TLS_CERT_FILE", certs.pem("node").toString(),
                "MONOCLE_TLS_KEY_FILE", certs.key("node").toString(),
                "MONOCLE_TLS_CLIENT_CA_FILE", certs.pem("coordinator-ca").toString()))) {
      URI base = URI.create("https://localhost:" + https + "/");
      HttpClient coordinator =
          client(
              NodeTls.context(
                  Optional.of(certs.pem("node-ca")),
                  Optional.of(certs.pem("coordinator")),
                  Optional.of(certs.key("coordinator"))));
      server.awaitStarted(coordinator, base);

      HttpResponse<String> ready = get(coordinator, base.resolve("health/ready"), Map.of());
      assertEquals(503, ready.statusCode(), ready.body());
      JsonObject check = check(ready.body(), "tls-certificate");
      assertEquals("DOWN", check.getString("status"), ready.body());
      assertEquals("4", check.getJsonObject("data").get("days_left").toString().replace("\"", ""));

      // without a certificate: the probes answer (the kubelet has none), decoding does not
      HttpClient anonymous =
          client(
              NodeTls.context(
                  Optional.of(certs.pem("node-ca")), Optional.empty(), Optional.empty()));
      assertEquals(200, get(anonymous, base.resolve("health/live"), Map.of()).statusCode());
      HttpResponse<String> noCertificate = post(anonymous, base.resolve("api/v1/decode"));
      assertEquals(401, noCertificate.statusCode(), noCertificate.body());
      assertTrue(
          noCertificate.body().contains("client-certificate-required"), noCertificate.body());
      // the coordinator's certificate passes TLS; the API key is still required after it
      HttpResponse<String> noKey = post(coordinator, base.resolve("api/v1/decode"));
      assertEquals(401, noKey.statusCode(), noKey.body());
      assertTrue(noKey.body().contains("/unauthorized"), noKey.body());
      // a client holding only a certificate of another CA has none the node accepts: the JDK's
      // client offers none (the node names its CA), so it is anonymous and may not decode
      HttpClient stranger =
          client(
              NodeTls.context(
                  Optional.of(certs.pem("node-ca")),
                  Optional.of(certs.pem("stranger")),
                  Optional.of(certs.key("stranger"))));
      HttpResponse<String> strangerDecodes = post(stranger, base.resolve("api/v1/decode"));
      assertEquals(401, strangerDecodes.statusCode(), strangerDecodes.body());
      assertTrue(
          strangerDecodes.body().contains("client-certificate-required"), strangerDecodes.body());
    }
  }

  private static JsonObject check(String health, String name) {
    return Json.createReader(new StringReader(health)).readObject().getJsonArray("checks").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + ": " + health));
  }

  private static Commands.Result runCheck(String target, Path ca, Path report) throws IOException {
    Commands.Result verdict =
        Commands.run(
            List.of("ops/tls/check", target, ca.toString(), report.toAbsolutePath().toString()));
    Files.writeString(
        Path.of(report.toString().replace(".json", ".verdict.txt")), verdict.output());
    return verdict;
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .sslContext(context)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> get(HttpClient client, URI uri, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient client, URI uri)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"source\":\"en\",\"target\":\"es\",\"segments\":[\"Hello\"]}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /** One Monocle process started by the launcher, its output kept in the test directory. */
  private record Server(Process process, File log) implements AutoCloseable {

    static Server start(Path dir, Map<String, String> settings) throws IOException {
      ProcessBuilder builder = new ProcessBuilder("ops/payara/start").redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("MONOCLE_"));
      env.put("MONOCLE_MICRO_JAR", System.getProperty("payara.microJar"));
      env.put("MONOCLE_WAR", System.getProperty("monocle.war"));
      env.putAll(settings);
      File log = dir.resolve("server-" + System.nanoTime() + ".log").toFile();
      builder.redirectOutput(log);
      return new Server(builder.start(), log);
    }

    void awaitStarted(HttpClient client, URI base) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("Monocle ended:\n" + tail());
        }
        try {
          if (get(client, base.resolve("health/started"), Map.of()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(1000);
      }
      throw new AssertionError("Monocle did not start over HTTPS:\n" + tail());
    }

    private String tail() throws IOException {
      String text = Files.readString(log.toPath());
      return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
