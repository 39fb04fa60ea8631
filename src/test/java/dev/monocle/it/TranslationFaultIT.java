package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.it.Api.Reply;
import dev.monocle.it.Api.Session;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults with real processes on 127.0.0.1: an Apertium APy node and a second Monocle in decoder
 * role beside the local engine. Nodes are stopped, hung (SIGSTOP) and brought back; pipeline stages
 * are killed under load. Traffic fails over, circuits open and close, and with every node down the
 * answer is 503 and the instance is not ready.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5)
class TranslationFaultIT {

  private static final String DECODERS = "/api/v1/admin/decoders";
  private static final String PASSWORD = "lantern harbors fold quiet maps";
  private static final String SENTENCE = "I see the red glasses.";
  private static final String EXPECTED = " Veo los vasos rojos.";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  private static Api api;
  private static BlackBox http;
  private static Session root;
  private static String translator;
  private static String translateKey;
  private static String nodeKey;
  private static int apyPort;
  private static int decoderPort;
  private static Process apy;
  private static Process decoder;
  private static String apyId;
  private static String decoderId;

  @BeforeEach
  void client() {
    if (api == null) {
      http = new BlackBox(base);
      api = new Api(http);
    }
  }

  @AfterAll
  static void stopNodes() {
    if (decoder != null) {
      DecoderProcesses.signal(decoder.pid(), "-CONT");
    }
    DecoderProcesses.stop(apy);
    DecoderProcesses.stop(decoder);
  }

  @Test
  @Order(1)
  void aDecoderNodeAndAnApyNodeStartOnLoopback() {
    apyPort = DecoderProcesses.freePort();
    decoderPort = DecoderProcesses.freePort();
    apy = DecoderProcesses.apy(apyPort);
    decoder = DecoderProcesses.monocleDecoder(decoderPort);

    root = RootAdmin.signIn(api);
    api.createTenant(root, "babel");
    assertEquals(
        201,
        api.createUser(root, "babel", "ted", "ted@babel.test", PASSWORD, List.of("translator"))
            .status());
    translator = api.user("babel", "ted", PASSWORD).accessToken();
    translateKey = api.createApiKey(root.accessToken(), "babel", "babel app", List.of("translate"));
    nodeKey =
        api.createApiKey(root.accessToken(), "platform", "decoder pool", List.of("decoder:node"));

    DecoderProcesses.awaitOk("http://127.0.0.1:" + apyPort + "/listPairs", 60, apy);
    DecoderProcesses.awaitOk("http://127.0.0.1:" + decoderPort + "/health/ready", 180, decoder);
  }

  @Test
  @Order(2)
  void theDecoderRoleServesOnlyDecodeAndHealth() {
    Api node = new Api(new BlackBox(toUrl(url(decoderPort))));
    Map<String, Object> batch =
        Map.of("source", "en", "target", "es", "segments", List.of(SENTENCE, "a\u0000b"));
    assertEquals(401, node.post("/api/v1/decode", batch).status());
    assertEquals(
        403,
        node.call("POST", "/api/v1/decode", batch, Map.of("X-API-Key", translateKey)).status());
    Reply decoded = node.call("POST", "/api/v1/decode", batch, Map.of("X-API-Key", nodeKey));
    assertEquals(200, decoded.status(), decoded.raw().body());
    assertEquals(EXPECTED, decoded.json().getJsonArray("segments").getString(0));
    assertTrue(decoded.json().getJsonArray("segments").getString(1).contains("\u0000"));
    Reply pairs = node.call("GET", "/api/v1/decode", null, Map.of("X-API-Key", nodeKey));
    assertEquals(200, pairs.status(), pairs.raw().body());
    assertTrue(pairs.raw().body().contains("\"engine\":\"apertium/eng-spa@"), pairs.raw().body());
    for (String elsewhere :
        List.of(
            "/api/v1/translate/pairs",
            "/api/v1/catalog/frames",
            "/api/v1/auth/login",
            "/.well-known/jwks.json",
            "/apy/listPairs",
            "/metrics",
            "/openapi",
            "/health/../api/v1/translate/pairs",
            "/api/v1/decode/../translate/pairs")) {
      assertEquals(
          404, node.call("GET", elsewhere, null, Map.of("X-API-Key", nodeKey)).status(), elsewhere);
    }
    assertEquals(200, DecoderProcesses.status(url(decoderPort) + "health/ready"));
  }

  @Test
  @Order(3)
  void registeredNodesShareTheTrafficWhenTheLocalEngineIsDrained() {
    Reply a = api.post(DECODERS, Map.of("url", url(apyPort), "kind", "apy"), root.accessToken());
    assertEquals(201, a.status(), a.raw().body());
    apyId = a.string("id");
    Reply m =
        api.post(
            DECODERS,
            Map.of("url", url(decoderPort), "kind", "monocle", "api_key", nodeKey),
            root.accessToken());
    assertEquals(201, m.status(), m.raw().body());
    assertTrue(!m.raw().body().contains(nodeKey), "the node's key is never shown");
    decoderId = m.string("id");
    await(apyId, n -> n.getBoolean("healthy"));
    await(decoderId, n -> n.getBoolean("healthy"));
    drain("local", true);

    Set<String> nodes = new HashSet<>(translateMany(24, 4));
    assertEquals(Set.of(apyId, decoderId), nodes, "both remote nodes took requests");
  }

  @Test
  @Order(4)
  void aStoppedNodeLosesItsTrafficOpensItsCircuitAndComesBack() {
    DecoderProcesses.stop(apy);
    List<String> nodes = translateMany(16, 4);
    assertTrue(
        nodes.stream().allMatch(decoderId::equals) || nodes.contains(decoderId), nodes.toString());
    JsonObject down = await(apyId, n -> !n.getBoolean("healthy"));
    assertEquals("open", down.getString("circuit"));

    apy = DecoderProcesses.apy(apyPort);
    DecoderProcesses.awaitOk(url(apyPort) + "listPairs", 60, apy);
    await(apyId, n -> n.getBoolean("healthy"));
    for (int i = 0; i < 40 && !"closed".equals(node(apyId).getString("circuit")); i++) {
      translateMany(4, 2);
    }
    assertEquals("closed", node(apyId).getString("circuit"));
  }

  @Test
  @Order(5)
  void aHangingNodeTimesOutFailsOverAndOpensItsCircuit() {
    DecoderProcesses.signal(decoder.pid(), "-STOP");
    try {
      List<String> nodes = translateMany(12, 6);
      assertTrue(nodes.contains(apyId), nodes.toString());
      JsonObject hung = await(decoderId, n -> "open".equals(n.getString("circuit")));
      assertNotNull(hung);
    } finally {
      DecoderProcesses.signal(decoder.pid(), "-CONT");
    }
    await(decoderId, n -> n.getBoolean("healthy") && !"open".equals(n.getString("circuit")));
  }

  @Test
  @Order(6)
  void withEveryNodeDownTranslationIsUnavailableAndTheInstanceNotReady() {
    DecoderProcesses.stop(apy);
    DecoderProcesses.signal(decoder.pid(), "-STOP");
    try {
      await(apyId, n -> !n.getBoolean("healthy"));
      await(decoderId, n -> !n.getBoolean("healthy"));
      Reply unavailable =
          api.post(
              "/api/v1/translate",
              Map.of("source", "en", "target", "es", "segments", List.of(SENTENCE)),
              translator);
      assertEquals(503, unavailable.status(), unavailable.raw().body());
      assertNotNull(unavailable.header("Retry-After"));
      assertEquals(503, http.get("/health/ready").statusCode());
    } finally {
      DecoderProcesses.signal(decoder.pid(), "-CONT");
    }
    drain("local", false);
    for (int i = 0; i < 50 && http.get("/health/ready").statusCode() != 200; i++) {
      DecoderProcesses.sleep(200);
    }
    assertEquals(200, http.get("/health/ready").statusCode());
  }

  @Test
  @Order(7)
  void killedPipelineStagesUnderLoadCostNoRequest() throws Exception {
    drain(decoderId, true);
    drain(apyId, true);
    ExecutorService killer = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> kills =
          killer.submit(
              () -> {
                int killed = 0;
                for (int round = 0; round < 6; round++) {
                  DecoderProcesses.sleep(400);
                  for (ProcessHandle stage : coordinatorStages()) {
                    if (stage.info().command().orElse("").endsWith("apertium-transfer")) {
                      stage.destroyForcibly();
                      killed++;
                      break;
                    }
                  }
                }
                return killed;
              });
      List<String> nodes = translateMany(60, 4);
      assertTrue(nodes.stream().allMatch("local"::equals), nodes.toString());
      assertTrue(kills.get(60, TimeUnit.SECONDS) > 0, "a stage was killed under load");
    } finally {
      killer.shutdownNow();
      drain(decoderId, false);
      drain(apyId, false);
    }
  }

  /** Stages of the coordinator's own pipelines: children of its JVM, not of the decoder node's. */
  private static List<ProcessHandle> coordinatorStages() {
    long decoderPid = decoder.pid();
    List<ProcessHandle> stages = new ArrayList<>();
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.pid() != decoderPid)
        .filter(p -> p.parent().map(parent -> parent.pid() != decoderPid).orElse(false))
        .filter(
            p ->
                p.parent()
                    .flatMap(parent -> parent.info().command())
                    .map(c -> c.endsWith("java"))
                    .orElse(false))
        .forEach(stages::add);
    return stages;
  }

  private static final java.util.concurrent.atomic.AtomicInteger SERIAL =
      new java.util.concurrent.atomic.AtomicInteger(1000);

  /**
   * Sends {@code count} requests from {@code clients} threads, each with a sentence of its own (so
   * no answer comes from the cache); every one must succeed with its own translation.
   */
  private static List<String> translateMany(int count, int clients) {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      List<Integer> serials = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int serial = SERIAL.incrementAndGet();
        serials.add(serial);
        replies.add(
            pool.submit(
                () ->
                    api.call(
                        "POST",
                        "/api/v1/translate",
                        Map.of(
                            "source",
                            "en",
                            "target",
                            "es",
                            "segments",
                            List.of("I see " + serial + " red glasses.")),
                        Map.of("X-API-Key", translateKey))));
      }
      List<String> nodes = new ArrayList<>();
      for (int i = 0; i < replies.size(); i++) {
        Reply reply = replies.get(i).get(60, TimeUnit.SECONDS);
        assertEquals(200, reply.status(), reply.raw().body());
        assertEquals(
            " Veo " + serials.get(i) + " vasos rojos.",
            reply.json().getJsonArray("segments").getString(0));
        nodes.add(reply.string("node"));
      }
      return nodes;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void drain(String id, boolean drained) {
    Reply reply = api.patch(DECODERS + "/" + id, Map.of("drained", drained), root.accessToken());
    assertEquals(200, reply.status(), reply.raw().body());
  }

  private static JsonObject node(String id) {
    Reply reply = api.get(DECODERS + "/" + id, root.accessToken());
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.json();
  }

  /** Polls the node's admin view until {@code condition} holds (at most 20 s). */
  private static JsonObject await(String id, Predicate<JsonObject> condition) {
    JsonObject last = null;
    for (int i = 0; i < 100; i++) {
      last = node(id);
      if (condition.test(last)) {
        return last;
      }
      DecoderProcesses.sleep(200);
    }
    throw new AssertionError("node " + id + " never reached the state; last " + last);
  }

  private static String url(int port) {
    return "http://127.0.0.1:" + port + "/";
  }

  private static URL toUrl(String text) {
    try {
      return java.net.URI.create(text).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
