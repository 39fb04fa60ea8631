package dev.monocle.decoding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.monocle.it.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's side of mTLS to decoder nodes: against a server that requires a client
 * certificate from one CA, only a client with such a certificate, that trusts the server's CA, gets
 * an answer.
 */
class NodeTlsTest {

  @TempDir static Path dir;
  private static TestCertificates certs;
  private static HttpsServer server;

  @BeforeAll
  static void nodeRequiringClientCertificates() throws Exception {
    certs = new TestCertificates(dir);
    certs.ca("node-ca");
    certs.leaf("node", "node-ca", 30);
    certs.ca("coordinator-ca");
    certs.leaf("coordinator", "coordinator-ca", 30);
    certs.ca("stranger-ca");
    certs.leaf("stranger", "stranger-ca", 30);
    SSLContext serverContext =
        NodeTls.context(
            Optional.of(certs.pem("coordinator-ca")),
            Optional.of(certs.pem("node")),
            Optional.of(certs.key("node")));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(serverContext) {
          @Override
          public void configure(HttpsParameters params) {
            var ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setNeedClientAuth(true);
            params.setSSLParameters(ssl);
          }
        });
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "decoded".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static HttpResponse<String> call(SSLContext context) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(context)
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/");
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theCoordinatorsCertificateIsAccepted() throws Exception {
    HttpResponse<String> reply =
        call(
            NodeTls.context(
                Optional.of(certs.pem("node-ca")),
                Optional.of(certs.pem("coordinator")),
                Optional.of(certs.key("coordinator"))));
    assertEquals(200, reply.statusCode());
    assertEquals("decoded", reply.body());
  }

  @Test
  void withoutAClientCertificateTheNodeRefuses() {
    assertThrows(
        IOException.class,
        () ->
            call(
                NodeTls.context(
                    Optional.of(certs.pem("node-ca")), Optional.empty(), Optional.empty())));
  }

  @Test
  void aCertificateOfAnotherCaIsRefused() {
    assertThrows(
        IOException.class,
        () ->
            call(
                NodeTls.context(
                    Optional.of(certs.pem("node-ca")),
                    Optional.of(certs.pem("stranger")),
                    Optional.of(certs.key("stranger")))));
  }

  @Test
  void aNodeCertificateOfAnUntrustedCaIsRefused() {
    assertThrows(
        IOException.class,
        () ->
            call(
                NodeTls.context(
                    Optional.of(certs.pem("stranger-ca")),
                    Optional.of(certs.pem("coordinator")),
                    Optional.of(certs.key("coordinator")))));
  }

  @Test
  void halfAClientCertificateAndOtherKeyFormatsAreNamedErrors() throws Exception {
    IOException half =
        assertThrows(
            IOException.class,
            () ->
                NodeTls.context(
                    Optional.empty(), Optional.of(certs.pem("coordinator")), Optional.empty()));
    assertTrue(half.getMessage().contains("both"), half.getMessage());
    Path traditional = dir.resolve("traditional.key");
    Files.writeString(
        traditional, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\n");
    IOException format =
        assertThrows(
            IOException.class,
            () ->
                NodeTls.context(
                    Optional.empty(),
                    Optional.of(certs.pem("coordinator")),
                    Optional.of(traditional)));
    assertTrue(format.getMessage().contains("PKCS#8"), format.getMessage());
  }

  @Test
  void nothingConfiguredIsTheJdkDefault() throws Exception {
    assertEquals(
        SSLContext.getDefault(),
        NodeTls.context(Optional.empty(), Optional.empty(), Optional.empty()));
  }
}
