package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform kernel as a client meets it: every error is a problem document with a request id and
 * the security headers, and none leaks internals, whatever the input.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformKernelIT {

  private static final String LOGIN = "/api/v1/auth/login";
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|org\\.|dev\\.monocle|Payara|SQL|/work/|/tmp/",
          Pattern.CASE_INSENSITIVE);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;
  private BlackBox http;

  @BeforeEach
  void client() {
    http = new BlackBox(base);
  }

  private HttpResponse<String> postJson(byte[] body) {
    return http.send(
        http.request(LOGIN)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Asserts the contract's error shape and headers; returns the problem document. */
  private static JsonObject problem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
    JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
    assertEquals(status, json.getInt("status"));
    assertTrue(json.getString("type").endsWith("/" + type), json.toString());
    assertFalse(json.getString("title").isBlank());
    assertFalse(json.getString("detail").isBlank());
    assertEquals(
        response.headers().firstValue("X-Request-Id").orElseThrow(), json.getString("request_id"));
    assertFalse(LEAK.matcher(response.body()).find(), "leaks internals: " + response.body());
    securityHeaders(response);
    return json;
  }

  private static void securityHeaders(HttpResponse<String> response) {
    var h = response.headers();
    assertTrue(h.firstValue("X-Request-Id").isPresent(), "X-Request-Id");
    assertTrue(h.firstValue("Strict-Transport-Security").orElse("").contains("max-age="));
    assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(
        h.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(""));
    assertEquals("no-store", h.firstValue("Cache-Control").orElse(""));
    assertTrue(h.firstValue("Server").isEmpty(), "Server header: " + h.firstValue("Server"));
    assertTrue(h.firstValue("X-Powered-By").isEmpty(), "X-Powered-By header");
  }

  @Test
  void unknownPathsAre404Problems() {
    JsonObject json = problem(http.get("/api/v1/no-such-thing"), 404, "not-found");
    assertEquals("/api/v1/no-such-thing", json.getString("instance"));
    problem(http.get("/no/such/page.jsp"), 404, "not-found");
  }

  @Test
  void traceAndUnlistedMethodsAre405() {
    HttpResponse<String> trace =
        http.send(http.request("/").method("TRACE", BodyPublishers.noBody()).build());
    problem(trace, 405, "method-not-allowed");
    assertFalse(trace.headers().firstValue("Allow").orElse("").contains("TRACE"));
    problem(
        http.send(http.request(LOGIN).method("PROPFIND", BodyPublishers.noBody()).build()),
        405,
        "method-not-allowed");
  }

  @Test
  void malformedJsonIs400() {
    problem(
        postJson("{\"tenant\": \"acme\",".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json");
    problem(postJson("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json");
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = {'{', '"', 'u', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
    problem(postJson(body), 400, "invalid-encoding");
  }

  @Test
  void deeplyNestedJsonAndDuplicateFieldsAre400() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    problem(postJson(deep.getBytes(StandardCharsets.UTF_8)), 400, "too-deep");
    JsonObject dup =
        problem(
            postJson(
                "{\"roles\":[],\"roles\":[\"platform_admin\"]}".getBytes(StandardCharsets.UTF_8)),
            400,
            "duplicate-field");
    assertEquals("roles", dup.getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void bodiesOverOneMebibyteAre413WithOrWithoutALength() {
    byte[] twoMib = new byte[2 << 20];
    java.util.Arrays.fill(twoMib, (byte) 'a');
    problem(postJson(twoMib), 413, "payload-too-large");
    HttpResponse<String> chunked =
        http.send(
            http.request(LOGIN)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMib)))
                .build());
    problem(chunked, 413, "payload-too-large");
  }

  @Test
  void aSaneRequestIdIsEchoedAndAHostileOneReplaced() {
    HttpResponse<String> echoed =
        http.send(
            http.request("/api/v1/nope").header("X-Request-Id", "client-abc-123").GET().build());
    assertEquals("client-abc-123", echoed.headers().firstValue("X-Request-Id").orElseThrow());
    HttpResponse<String> replaced =
        http.send(
            http.request("/api/v1/nope")
                .header("X-Request-Id", "<script>alert(1)</script>")
                .GET()
                .build());
    String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
    assertNotEquals("<script>alert(1)</script>", id);
    assertFalse(replaced.body().contains("<script>"));
  }

  @Test
  void healthProbesAnswerWithTheSecurityHeaders() throws InterruptedException {
    // readiness waits for the warm Apertium pipeline, which may start after the deployment
    for (int i = 0; i < 60 && http.get("/health/ready").statusCode() != 200; i++) {
      Thread.sleep(1000);
    }
    for (String probe : new String[] {"/health/live", "/health/ready", "/health/started"}) {
      HttpResponse<String> response = http.get(probe);
      assertEquals(200, response.statusCode(), probe + ": " + response.body());
      assertTrue(response.body().toUpperCase(Locale.ROOT).contains("\"UP\""), response.body());
      securityHeaders(response);
    }
    HttpResponse<String> ready = http.get("/health/ready");
    for (String check :
        new String[] {"database", "migrations", "key-material", "tls-certificate"}) {
      assertTrue(ready.body().contains("\"" + check + "\""), ready.body());
    }
  }

  @Test
  void metricsNeedTheScrapeToken() {
    problem(http.get("/metrics"), 401, "unauthorized");
    for (String credentials :
        new String[] {
          "Basic ",
          "Basic !!not-base64!!",
          BlackBox.metricsCredentials("not-the-token"),
          BlackBox.metricsCredentials(BlackBox.metricsToken() + "x"),
          BlackBox.metricsCredentials(BlackBox.metricsToken()).replace("Basic", "Digest"),
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(("grafana:" + BlackBox.metricsToken()).getBytes()),
          "Bearer " + BlackBox.metricsToken(),
          BlackBox.metricsToken()
        }) {
      problem(
          http.send(http.request("/metrics").header("Authorization", credentials).GET().build()),
          401,
          "unauthorized");
    }
    problem(http.get("/metrics?access_token=" + BlackBox.metricsToken()), 401, "unauthorized");
    problem(http.get("/metrics/application"), 401, "unauthorized");

    HttpResponse<String> scraped = http.scrapeMetrics();
    assertEquals(200, scraped.statusCode(), scraped.body());
    assertTrue(
        java.util.regex.Pattern.compile(
                "(?m)^http_server_responses_total\\{[^}]*status_class=\"4xx\"[^}]*} [1-9]")
            .matcher(scraped.body())
            .find(),
        "the refusals above are counted: "
            + scraped.body().lines().filter(l -> l.startsWith("http_server")).toList());
    assertFalse(scraped.body().contains("tls_certificate_expiry_days"), "no certificate, no gauge");
  }

  @Test
  void theOpenApiDocumentIsServed() {
    HttpResponse<String> response =
        http.send(http.request("/openapi").header("Accept", "application/json").GET().build());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("openapi"), response.body());
    for (String path :
        new String[] {"/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/admin/users"}) {
      assertTrue(response.body().contains(path), "documents " + path);
    }
    securityHeaders(response);
  }

  @Test
  void unacceptableMediaTypesAreProblems() {
    HttpRequest xml =
        http.request(LOGIN)
            .header("Content-Type", "application/xml")
            .POST(BodyPublishers.ofString("<login/>"))
            .build();
    HttpResponse<String> response = http.send(xml);
    assertTrue(response.statusCode() == 404 || response.statusCode() == 415, response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
  }
}
