package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.it.Api.Reply;
import dev.monocle.it.Api.Session;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Translation as its clients use it: real Apertium output, every contract limit, hostile text,
 * concurrent callers, the APy face, the decoder pool of platform admins, and readiness that follows
 * the decoders.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)
class TranslationIT {

  private static final String TRANSLATE = "/api/v1/translate";
  private static final String DECODERS = "/api/v1/admin/decoders";
  private static final String PASSWORD = "lantern harbors fold quiet maps";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  private static Api api;
  private static BlackBox http;
  private static Session root;
  private static String translator;
  private static String viewer;
  private static String translateKey;
  private static String catalogKey;

  @BeforeEach
  void client() {
    if (api == null) {
      http = new BlackBox(base);
      api = new Api(http);
    }
  }

  @Test
  @Order(1)
  void translatorsAndKeysAreSetUp() {
    root = RootAdmin.signIn(api);
    api.createTenant(root, "lingua");
    assertEquals(
        201,
        api.createUser(root, "lingua", "tess", "tess@lingua.test", PASSWORD, List.of("translator"))
            .status());
    assertEquals(
        201,
        api.createUser(root, "lingua", "val", "val@lingua.test", PASSWORD, List.of("viewer"))
            .status());
    translator = api.user("lingua", "tess", PASSWORD).accessToken();
    viewer = api.user("lingua", "val", PASSWORD).accessToken();
    translateKey =
        api.createApiKey(root.accessToken(), "lingua", "translation app", List.of("translate"));
    catalogKey =
        api.createApiKey(root.accessToken(), "lingua", "shop app", List.of("catalog:read"));
  }

  private Reply translate(Object body, String token) {
    return api.post(TRANSLATE, body, token);
  }

  private static Map<String, Object> enEs(List<String> segments) {
    return Map.of("source", "en", "target", "es", "segments", segments);
  }

  @Test
  @Order(2)
  void segmentsAreTranslatedByApertiumInOrder() {
    Reply reply =
        translate(
            enEs(List.of("I see the red glasses.", "The shop is closed on Sundays.", "")),
            translator);
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals(
        List.of(" Veo los vasos rojos.", "La tienda está cerrada los domingos.", ""),
        strings(reply.json().getJsonArray("segments")));
    assertEquals("en", reply.string("source"));
    assertEquals("es", reply.string("target"));
    assertTrue(reply.string("engine").startsWith("apertium/eng-spa@"), reply.raw().body());
    assertEquals("local", reply.string("node"));

    Reply text =
        translate(
            Map.of("source", "es", "target", "ca", "text", "Veo los vasos rojos."), translator);
    assertEquals(200, text.status(), text.raw().body());
    assertEquals("Veig els gots vermells.", text.string("text"));

    Reply withKey =
        api.call(
            "POST", TRANSLATE, enEs(List.of("Good morning")), Map.of("X-API-Key", translateKey));
    assertEquals(200, withKey.status(), withKey.raw().body());
  }

  @Test
  @Order(3)
  void pairsListTheInstalledModesAndTheirNodes() {
    Reply pairs = api.get(TRANSLATE + "/pairs", translator);
    assertEquals(200, pairs.status(), pairs.raw().body());
    Set<String> served = new java.util.HashSet<>();
    for (JsonValue value : jsonArray(pairs)) {
      JsonObject pair = value.asJsonObject();
      served.add(pair.getString("source") + "-" + pair.getString("target"));
      assertTrue(strings(pair.getJsonArray("nodes")).contains("local"), pair.toString());
    }
    assertTrue(
        served.containsAll(
            Set.of("en-es", "es-en", "en-ca", "ca-en", "es-ca", "ca-es", "fr-es", "es-fr")),
        served.toString());
  }

  @Test
  @Order(4)
  void badRequestsAreProblemDocumentsNamingTheField() {
    assertField(translate(Map.of("target", "es", "segments", List.of("x")), translator), "source");
    assertField(translate(Map.of("source", "en", "target", "es"), translator), "segments");
    assertField(
        translate(
            Map.of("source", "en", "target", "es", "segments", List.of("a"), "text", "b"),
            translator),
        "segments");
    assertField(translate(enEs(Collections.nCopies(101, "x")), translator), "segments");
    assertField(
        translate(Map.of("source", "en", "target", "es", "segments", List.of(1, "a")), translator),
        "segments[0]");
    assertField(translate(Map.of("source", "en", "target", "es", "text", 7), translator), "text");
    assertField(translate(enEs(List.of("x".repeat(5_001))), translator), "segments[0]");
    assertField(
        translate(enEs(Collections.nCopies(11, "y".repeat(4_600))), translator), "segments");
    assertField(
        translate(
            Map.of("source", "english", "target", "es", "segments", List.of("x")), translator),
        "source");
    assertField(
        translate(Map.of("source", "en", "target", "en", "segments", List.of("x")), translator),
        "target");
    Reply loneSurrogate =
        api.call(
            "POST",
            TRANSLATE,
            "{\"source\":\"en\",\"target\":\"es\",\"segments\":[\"ok\",\"a\\ud800\"]}",
            Map.of("Authorization", "Bearer " + translator));
    assertEquals(400, loneSurrogate.status(), loneSurrogate.raw().body());
    assertTrue(loneSurrogate.raw().body().contains("segments[1]"), loneSurrogate.raw().body());
    Reply unknown =
        translate(
            Map.of("source", "en", "target", "es", "segments", List.of("x"), "node", "a"),
            translator);
    assertEquals(400, unknown.status(), unknown.raw().body());
    Reply notJson =
        api.call(
            "POST",
            TRANSLATE,
            "{\"source\": \"en\", ",
            Map.of("Authorization", "Bearer " + translator));
    assertEquals(400, notJson.status(), notJson.raw().body());

    Reply unsupported =
        translate(Map.of("source", "en", "target", "de", "segments", List.of("x")), translator);
    assertEquals(422, unsupported.status(), unsupported.raw().body());
    assertTrue(
        strings(unsupported.json().getJsonArray("supported_pairs")).contains("en-es"),
        unsupported.raw().body());
  }

  @Test
  @Order(5)
  void onlyTranslatorsAndTranslateKeysMayTranslate() {
    assertEquals(401, api.post(TRANSLATE, enEs(List.of("x"))).status());
    assertEquals(403, translate(enEs(List.of("x")), viewer).status());
    assertEquals(
        403,
        api.call("POST", TRANSLATE, enEs(List.of("x")), Map.of("X-API-Key", catalogKey)).status());
    for (String decode :
        List.of(
            "/api/v1/decode",
            "/api/v1/decode;x=1",
            "/api/v1//decode",
            "/api/v1/%64ecode",
            "/api/v1/decode/")) {
      assertEquals(
          404,
          api.call("POST", decode, enEs(List.of("x")), Map.of("X-API-Key", translateKey)).status(),
          "a coordinator has no decode endpoint: " + decode);
    }
    String[] lenaTotp = new String[1];
    assertEquals(
        201,
        api.createUser(
                root, "lingua", "lena", "lena@lingua.test", PASSWORD, List.of("tenant_admin"))
            .status());
    String tenantAdmin = api.admin("lingua", "lena", PASSWORD, lenaTotp).accessToken();
    assertField(
        api.post(
            "/api/v1/admin/api-keys",
            Map.of("name", "pool", "scopes", List.of("decoder:node")),
            tenantAdmin),
        "scopes");
  }

  @Test
  @Order(6)
  void hostileTextComesBackAsTextAndNeverBreaksAPipeline() {
    List<String> hostile =
        List.of(
            "The [big] dog said <hello> to {everyone} @home.",
            "Prices: 10$ ^ 20$ / 30\\40 and ^dog$ and ^cat<n>$ here.",
            "red\u0000glasses\u0001 on\nthe\r\ntable\tnow\u001b[31m \u007f end ~ tilde",
            "😀 glasses 👓 東京 [#0] [=1] \\[x\\]",
            "x".repeat(5_000));
    Reply reply = translate(enEs(hostile), translator);
    assertEquals(200, reply.status(), reply.raw().body());
    List<String> out = strings(reply.json().getJsonArray("segments"));
    assertEquals(5, out.size());
    assertTrue(out.get(0).contains("[grande]") && out.get(0).contains("<hola>"), out.get(0));
    assertTrue(out.get(1).contains("^perro$") && out.get(1).contains("30\\40"), out.get(1));
    for (String kept :
        List.of("\u0000", "\u0001", "\n", "\r\n", "\t", "\u001b[31m", "\u007f", "~")) {
      assertTrue(out.get(2).contains(kept), () -> "kept U+" + (int) kept.charAt(0));
    }
    assertTrue(
        out.get(3).contains("😀")
            && out.get(3).contains("👓")
            && out.get(3).contains("[#0]")
            && out.get(3).contains("[=1]")
            && out.get(3).contains("\\[x\\]"),
        out.get(3));
    assertEquals("x".repeat(5_000), out.get(4));

    List<String> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add("Sentence number " + i + " has red glasses.");
    }
    Reply full = translate(enEs(hundred), translator);
    assertEquals(200, full.status(), full.raw().body());
    List<String> fullOut = strings(full.json().getJsonArray("segments"));
    for (int i = 0; i < 100; i++) {
      assertTrue(fullOut.get(i).contains(" " + i + " "), fullOut.get(i));
    }
    Reply after = translate(enEs(List.of("I see the red glasses.")), translator);
    assertEquals(List.of(" Veo los vasos rojos."), strings(after.json().getJsonArray("segments")));
  }

  @Test
  @Order(7)
  void concurrentClientsNeverReceiveEachOthersText() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(12);
    try {
      List<Future<String>> problems = new ArrayList<>();
      for (int c = 0; c < 12; c++) {
        int client = c;
        problems.add(
            clients.submit(
                () -> {
                  for (int i = 0; i < 15; i++) {
                    String marker = "Zq" + client + "x" + i + "w";
                    Reply reply =
                        translate(
                            enEs(List.of("The " + marker + " glasses are red.", marker + "b")),
                            translator);
                    if (reply.status() != 200) {
                      return "status " + reply.status() + " " + reply.raw().body();
                    }
                    List<String> out = strings(reply.json().getJsonArray("segments"));
                    if (!out.get(0).contains(marker)
                        || !out.get(1).equals(marker + "b")
                        || out.get(0).replace(marker, "").contains("Zq")) {
                      return "client " + client + " got " + out;
                    }
                  }
                  return null;
                }));
      }
      for (Future<String> problem : problems) {
        assertEquals(null, problem.get(180, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  @Order(8)
  void theApyFaceServesApyClients() {
    HttpResponse<String> get =
        http.send(
            http.request(
                    "/apy/translate?langpair="
                        + enc("en|es")
                        + "&q="
                        + enc("I see the red glasses.")
                        + "&markUnknown=no")
                .header("X-API-Key", translateKey)
                .GET()
                .build());
    assertEquals(200, get.statusCode(), get.body());
    assertTrue(get.body().contains("\"translatedText\":\" Veo los vasos rojos.\""), get.body());
    assertTrue(get.body().contains("\"responseStatus\":200"), get.body());

    HttpResponse<String> post =
        http.send(
            http.request("/apy/translate")
                .header("X-API-Key", translateKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "langpair=" + enc("eng|spa") + "&q=" + enc("Good morning")))
                .build());
    assertEquals(200, post.statusCode(), post.body());
    assertTrue(post.body().contains("translatedText"), post.body());

    HttpResponse<String> pairs =
        http.send(http.request("/apy/listPairs").header("X-API-Key", translateKey).GET().build());
    assertEquals(200, pairs.statusCode(), pairs.body());
    assertTrue(
        pairs.body().contains("{\"sourceLanguage\":\"en\",\"targetLanguage\":\"es\"}"),
        pairs.body());

    HttpResponse<String> noQ =
        http.send(
            http.request("/apy/translate?langpair=en%7Ces")
                .header("X-API-Key", translateKey)
                .GET()
                .build());
    assertEquals(400, noQ.statusCode(), noQ.body());
    HttpResponse<String> badPair =
        http.send(
            http.request("/apy/translate?langpair=english&q=x")
                .header("X-API-Key", translateKey)
                .GET()
                .build());
    assertEquals(400, badPair.statusCode(), badPair.body());
    HttpResponse<String> anonymous = http.get("/apy/listPairs");
    assertEquals(401, anonymous.statusCode());
  }

  @Test
  @Order(9)
  void platformAdminsManageTheDecoderPool() {
    Reply list = api.get(DECODERS, root.accessToken());
    assertEquals(200, list.status(), list.raw().body());
    JsonObject local = list.json().getJsonArray("items").getJsonObject(0);
    assertTrue(list.json().isNull("next_cursor"), list.raw().body());
    assertEquals("local", local.getString("id"));
    assertEquals("local", local.getString("kind"));
    assertTrue(local.getBoolean("healthy"));
    assertEquals("closed", local.getString("circuit"));
    assertFalse(local.getBoolean("drained"));
    assertTrue(
        local.containsKey("in_flight") && local.containsKey("latency_ms_p50"), local.toString());
    assertTrue(strings(local.getJsonArray("pairs")).contains("en-es"));

    assertEquals(403, api.get(DECODERS, translator).status());
    assertField(
        api.post(DECODERS, Map.of("url", "ftp://127.0.0.1:1", "kind", "apy"), root.accessToken()),
        "url");
    assertField(
        api.post(
            DECODERS, Map.of("url", "http://u:p@127.0.0.1:1", "kind", "apy"), root.accessToken()),
        "url");
    assertField(
        api.post(
            DECODERS, Map.of("url", "http://127.0.0.1:1/x?y", "kind", "apy"), root.accessToken()),
        "url");
    assertField(
        api.post(
            DECODERS, Map.of("url", "http://127.0.0.1:1", "kind", "moses"), root.accessToken()),
        "kind");
    assertField(
        api.post(
            DECODERS, Map.of("url", "http://127.0.0.1:1", "kind", "monocle"), root.accessToken()),
        "api_key");

    Reply registered =
        api.post(DECODERS, Map.of("url", "http://127.0.0.1:9/", "kind", "apy"), root.accessToken());
    assertEquals(201, registered.status(), registered.raw().body());
    String id = registered.string("id");
    assertEquals("http://127.0.0.1:9", registered.string("url"));
    assertFalse(registered.json().getBoolean("healthy"), "nothing listens on port 9");
    assertNotNull(registered.header("Location"));
    assertEquals(
        409,
        api.post(DECODERS, Map.of("url", "http://127.0.0.1:9", "kind", "apy"), root.accessToken())
            .status());
    assertField(
        api.patch(DECODERS + "/" + id, Map.of("drained", "yes"), root.accessToken()), "drained");
    assertField(
        api.patch(DECODERS + "/" + id, Map.of("drained", 1), root.accessToken()), "drained");
    assertField(
        api.post(
            DECODERS, Map.of("url", "http://169.254.169.254", "kind", "apy"), root.accessToken()),
        "url");
    Reply drained = api.patch(DECODERS + "/" + id, Map.of("drained", true), root.accessToken());
    assertEquals(200, drained.status(), drained.raw().body());
    assertTrue(drained.json().getBoolean("drained"));
    assertEquals(204, api.delete(DECODERS + "/" + id, root.accessToken()).status());
    assertEquals(404, api.get(DECODERS + "/" + id, root.accessToken()).status());
    assertEquals(409, api.delete(DECODERS + "/local", root.accessToken()).status());
  }

  @Test
  @Order(10)
  void withEveryNodeDrainedTranslationIsUnavailableAndTheInstanceNotReady() throws Exception {
    assertEquals(200, http.get("/health/ready").statusCode());
    assertEquals(
        200, api.patch(DECODERS + "/local", Map.of("drained", true), root.accessToken()).status());
    try {
      Reply unavailable = translate(enEs(List.of("I see the red glasses.")), translator);
      assertEquals(503, unavailable.status(), unavailable.raw().body());
      assertNotNull(unavailable.header("Retry-After"));
      HttpResponse<String> ready = http.get("/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("decoders"), ready.body());
    } finally {
      assertEquals(
          200,
          api.patch(DECODERS + "/local", Map.of("drained", false), root.accessToken()).status());
    }
    assertEquals(200, http.get("/health/ready").statusCode());
    assertEquals(200, translate(enEs(List.of("Good morning")), translator).status());
  }

  @Test
  @Order(11)
  void metricsCountSegmentsAndShowTheNodes() {
    HttpResponse<String> metrics = http.scrapeMetrics();
    assertEquals(200, metrics.statusCode());
    for (String name :
        List.of(
            "translation_segments_total",
            "decoder_node_up",
            "decoder_node_in_flight",
            "decoder_node_circuit_state",
            "translation_request_seconds")) {
      assertTrue(metrics.body().contains(name), name);
    }
    assertTrue(
        java.util.regex.Pattern.compile("decoder_node_up\\{[^}]*node=\"local\"[^}]*} 1")
            .matcher(metrics.body())
            .find(),
        () ->
            metrics
                .body()
                .lines()
                .filter(l -> l.startsWith("decoder_node_up"))
                .toList()
                .toString());
  }

  private static void assertField(Reply reply, String field) {
    assertEquals(400, reply.status(), reply.raw().body());
    List<String> fields = new ArrayList<>();
    for (JsonValue error : reply.json().getJsonArray("errors")) {
      fields.add(error.asJsonObject().getString("field"));
    }
    assertTrue(fields.contains(field), () -> field + " in " + reply.raw().body());
  }

  private static JsonArray jsonArray(Reply reply) {
    return jakarta.json.Json.createReader(new java.io.StringReader(reply.raw().body())).readArray();
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(((jakarta.json.JsonString) v).getString()));
    return out;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
