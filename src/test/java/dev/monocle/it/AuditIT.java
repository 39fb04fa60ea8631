package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.it.Api.Reply;
import dev.monocle.it.Api.Session;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The audit trail over HTTP, as an auditor uses it: events of their tenant only (platform auditors
 * see all), filters and pages, verification, signed checkpoints that match their off-database copy
 * in the log, no secret in any event; on PostgreSQL, a rewrite made in the database is reported.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2) // after AuthIT, which enrolls the bootstrap admin
class AuditIT {

  private static final String EVENTS = "/api/v1/audit/events";
  private static final String AUDITOR_PASSWORD = "amber ledgers hum beneath the stairs";
  private static final String VIEWER_PASSWORD = "velvet tides count the harbor lights";
  private static final String WRONG_PASSWORD = "not the password at all, clearly";
  private static final ServerOutput SERVER = ServerOutput.capture();
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  private static Api api;
  private static Session root;
  private static String hooliId;
  private static String wonkaId;
  private static String viewerId;
  private static Session auditor;
  private static Session wonkaAuditor;
  private static Session platformAuditor;
  private static final List<String> EMAILS = new ArrayList<>();

  @BeforeEach
  void client() {
    if (api == null) {
      api = new Api(new BlackBox(base));
    }
  }

  @Test
  @Order(1)
  void aFlowOfSecurityEventsIsRecorded() {
    root = RootAdmin.signIn(api);
    hooliId = tenant("hooli");
    wonkaId = tenant("wonka");
    viewerId = user("hooli", "val", VIEWER_PASSWORD, "viewer");
    user("hooli", "ivy", AUDITOR_PASSWORD, "auditor");
    user("wonka", "uma", AUDITOR_PASSWORD, "auditor");
    user("platform", "paula", AUDITOR_PASSWORD, "auditor");

    assertEquals(401, api.login("hooli", "val", WRONG_PASSWORD).status());
    Session viewer = api.user("hooli", "val", VIEWER_PASSWORD);
    assertEquals(403, api.get(EVENTS, viewer.accessToken()).status(), "viewers do not read it");
    assertEquals(403, api.get("/api/v1/audit/verify", viewer.accessToken()).status());
    assertEquals(401, api.get(EVENTS, null).status());
    auditor = api.user("hooli", "ivy", AUDITOR_PASSWORD);
    wonkaAuditor = api.user("wonka", "uma", AUDITOR_PASSWORD);
    platformAuditor = api.user("platform", "paula", AUDITOR_PASSWORD);
    assertEquals(
        403,
        api.get("/api/v1/admin/users", auditor.accessToken()).status(),
        "auditors read and verify the trail, nothing else");
  }

  @Test
  @Order(2)
  void aTenantAuditorSeesTheEventsOfTheirTenantOnly() {
    List<JsonObject> mine = all(EVENTS + "?limit=100", auditor);
    assertFalse(mine.isEmpty());
    for (JsonObject e : mine) {
      assertEquals(hooliId, e.getString("tenant"), e.toString());
    }
    JsonObject failed = only(mine, "auth.login_failed", viewerId);
    assertEquals("failure", failed.getString("outcome"));
    assertEquals("user", failed.getJsonObject("actor").getString("type"));
    assertEquals("bad_password", failed.getString("reason"));
    assertTrue(failed.containsKey("request_id") && failed.containsKey("client_ip"), "context");
    assertTrue(HEX64.matcher(failed.getString("hash")).matches());
    assertTrue(HEX64.matcher(failed.getString("prev_hash")).matches());
    assertNotNull(Instant.parse(failed.getString("at")));
    only(mine, "auth.login", viewerId);
    assertTrue(
        mine.stream()
            .anyMatch(
                e ->
                    e.getString("action").equals("authz.decision")
                        && e.getString("outcome").equals("denied")
                        && e.getJsonObject("actor").getString("id").equals(viewerId)),
        "the viewer's refusal is an authorization decision");

    assertTrue(
        all(EVENTS + "?limit=100&actor=" + viewerId, wonkaAuditor).isEmpty(),
        "another tenant's auditor sees none of them");
    List<JsonObject> everything = all(EVENTS + "?limit=100&actor=" + viewerId, platformAuditor);
    assertEquals(
        mine.stream().filter(e -> viewerId.equals(actorId(e))).count(),
        everything.size(),
        "a platform auditor sees the same events");
    Set<String> tenants = new HashSet<>();
    all(EVENTS + "?limit=100&action=admin.*", platformAuditor)
        .forEach(
            e -> {
              assertTrue(e.getString("action").startsWith("admin."));
              if (!e.isNull("tenant")) {
                tenants.add(e.getString("tenant"));
              }
            });
    assertTrue(tenants.containsAll(List.of(hooliId, wonkaId)), "all tenants: " + tenants);
  }

  @Test
  @Order(3)
  void filtersAndPagesAreExactAndStable() {
    for (JsonObject e : all(EVENTS + "?outcome=failure&limit=50", auditor)) {
      assertEquals("failure", e.getString("outcome"));
    }
    for (JsonObject e : all(EVENTS + "?action=auth.login&limit=50", auditor)) {
      assertEquals("auth.login", e.getString("action"));
    }
    Instant future = Instant.now().plusSeconds(3600);
    assertTrue(all(EVENTS + "?from=" + future, auditor).isEmpty());
    assertFalse(all(EVENTS + "?to=" + future + "&from=2020-01-01T00:00:00Z", auditor).isEmpty());

    List<JsonObject> whole = all(EVENTS + "?limit=100", auditor);
    List<Long> paged = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          api.get(
              EVENTS + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
              auditor.accessToken());
      assertEquals(200, page.status(), page.raw().body());
      page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .map(e -> e.getJsonNumber("seq").longValue())
          .forEach(paged::add);
      cursor = page.json().isNull("next_cursor") ? null : page.string("next_cursor");
      // Events appended meanwhile (this very reading is audited) do not shift the pages.
      api.get(EVENTS + "?limit=1", auditor.accessToken());
    } while (cursor != null);
    List<Long> expected = whole.stream().map(e -> e.getJsonNumber("seq").longValue()).toList();
    assertTrue(paged.containsAll(expected), "every event once");
    assertEquals(paged.size(), new HashSet<>(paged).size(), "no event twice");
    for (int i = 1; i < paged.size(); i++) {
      assertTrue(paged.get(i) < paged.get(i - 1), "newest first");
    }
  }

  @Test
  @Order(4)
  void badQueriesAreClearProblems() {
    for (String query :
        List.of(
            "limit=0",
            "limit=101",
            "cursor=bm90LWEtc2Vx",
            "cursor=%25%25",
            "from=yesterday",
            "to=2026-13-01T00:00:00Z",
            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "outcome=maybe",
            "action=" + URLEncoder.encode("'; DROP TABLE audit_event; --", StandardCharsets.UTF_8),
            "actor=" + "x".repeat(65),
            "action=auth.%25")) {
      Reply reply = api.get(EVENTS + "?" + query, auditor.accessToken());
      assertEquals(400, reply.status(), query + ": " + reply.raw().body());
      assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), query);
      assertTrue(reply.json().containsKey("errors"), query);
      assertFalse(reply.raw().body().contains("SQL"), query);
    }
  }

  @Test
  @Order(5)
  void theTrailVerifiesAndItsCheckpointsMatchTheirCopyInTheLog() throws Exception {
    Reply verify = api.get("/api/v1/audit/verify", auditor.accessToken());
    assertEquals(200, verify.status(), verify.raw().body());
    assertTrue(verify.json().getBoolean("valid"), verify.raw().body());
    long checked = verify.json().getJsonNumber("checked").longValue();
    assertTrue(checked > 10, verify.raw().body());
    JsonObject head = verify.json().getJsonObject("head");
    assertTrue(head.getJsonNumber("seq").longValue() >= checked);
    assertTrue(HEX64.matcher(head.getString("hash")).matches());
    assertTrue(verify.json().isNull("first_invalid_seq"));

    Reply checkpoints =
        api.get("/api/v1/audit/checkpoints?limit=100", platformAuditor.accessToken());
    assertEquals(200, checkpoints.status(), checkpoints.raw().body());
    List<JsonObject> items = checkpoints.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertFalse(items.isEmpty(), "a checkpoint every 10 events in these tests");

    String log = SERVER.text();
    Matcher key =
        Pattern.compile(
                "signed with Ed25519 key (audit-[A-Za-z0-9_-]+), public key ([A-Za-z0-9_-]+)")
            .matcher(log);
    assertTrue(key.find(), "the checkpoint key is published in the log");
    PublicKey publicKey = ed25519(Base64.getUrlDecoder().decode(key.group(2)));
    for (JsonObject c : items) {
      assertEquals(key.group(1), c.getString("kid"));
      String message =
          "monocle.audit.checkpoint.v1\n"
              + c.getJsonNumber("seq").longValue()
              + "\n"
              + c.getString("hash")
              + "\n"
              + c.getString("signed_at");
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(publicKey);
      ed.update(message.getBytes(StandardCharsets.UTF_8));
      assertTrue(ed.verify(Base64.getUrlDecoder().decode(c.getString("signature"))), c.toString());
      assertTrue(
          log.contains(
              "audit.checkpoint seq="
                  + c.getJsonNumber("seq").longValue()
                  + " hash="
                  + c.getString("hash")),
          "the log holds a copy of checkpoint " + c);
    }
  }

  @Test
  @Order(6)
  void noEventCarriesASecretOrPii() {
    List<JsonObject> everything = all(EVENTS + "?limit=100", platformAuditor);
    String trail = everything.toString();
    List<String> secrets = new ArrayList<>(api.secretsSeen);
    secrets.addAll(EMAILS);
    secrets.addAll(List.of(AUDITOR_PASSWORD, VIEWER_PASSWORD, WRONG_PASSWORD));
    // Six-digit TOTP codes are left out: any of them occurs by chance in some hash or uuid.
    List<String> checked = secrets.stream().filter(v -> v.length() >= 10).toList();
    assertTrue(checked.size() > 20, "the flows of this run used passwords, tokens and keys");
    for (String secret : checked) {
      assertFalse(trail.contains(secret), "the trail holds a secret or PII value");
    }
  }

  @Test
  @Order(7)
  void aRewriteInTheDatabaseIsReportedAndTheMetricFollows() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        TestDatabases.isPostgres(), "the H2 file is locked by the running server");
    JsonObject victim = only(all(EVENTS + "?limit=100", auditor), "auth.login_failed", viewerId);
    long seq = victim.getJsonNumber("seq").longValue();
    owner("UPDATE audit_event SET reason = 'nothing to see' WHERE seq = " + seq);
    try {
      Reply verify = api.get("/api/v1/audit/verify", auditor.accessToken());
      assertFalse(verify.json().getBoolean("valid"), verify.raw().body());
      assertEquals(seq, verify.json().getJsonNumber("first_invalid_seq").longValue());
      assertEquals(0.0, gauge(), "audit_chain_valid");
      assertTrue(SERVER.text().contains("audit.verify_failed"), "a failure line in the log");
    } finally {
      owner("UPDATE audit_event SET reason = 'bad_password' WHERE seq = " + seq);
    }
    Reply again = api.get("/api/v1/audit/verify", auditor.accessToken());
    assertTrue(again.json().getBoolean("valid"), again.raw().body());
    assertEquals(1.0, gauge(), "audit_chain_valid");
  }

  /** The value of the gauge {@code audit_chain_valid} in the Prometheus text of /metrics. */
  private double gauge() {
    java.net.http.HttpResponse<String> reply = new BlackBox(base).scrapeMetrics();
    assertEquals(200, reply.statusCode(), reply.body());
    Matcher m =
        Pattern.compile("(?m)^audit_chain_valid(\\{[^}]*\\})? (\\S+)\\s*$").matcher(reply.body());
    assertTrue(m.find(), "audit_chain_valid is exported: " + reply.body());
    return Double.parseDouble(m.group(2));
  }

  /** As the tables' owner with the triggers off: what an attacker with database access can do. */
  private static void owner(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                TestDatabases.directUrl(TestDatabases.IT_DATABASE), TestDatabases.user(), "");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
      s.executeUpdate(sql);
      s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
      c.commit();
    }
  }

  private static PublicKey ed25519(byte[] raw) throws Exception {
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] der = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, der, 0, prefix.length);
    System.arraycopy(raw, 0, der, prefix.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }

  private static String actorId(JsonObject e) {
    JsonObject actor = e.getJsonObject("actor");
    return actor.containsKey("id") && !actor.isNull("id") ? actor.getString("id") : null;
  }

  private static JsonObject only(List<JsonObject> events, String action, String actor) {
    List<JsonObject> found =
        events.stream()
            .filter(e -> e.getString("action").equals(action) && actor.equals(actorId(e)))
            .toList();
    assertEquals(1, found.size(), action + " of " + actor + " in " + events);
    return found.get(0);
  }

  /** Every page of a listing. */
  private static List<JsonObject> all(String path, Session session) {
    List<JsonObject> items = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          api.get(path + (cursor == null ? "" : "&cursor=" + cursor), session.accessToken());
      assertEquals(200, page.status(), path + ": " + page.raw().body());
      items.addAll(page.json().getJsonArray("items").getValuesAs(JsonObject.class));
      cursor = page.json().isNull("next_cursor") ? null : page.string("next_cursor");
    } while (cursor != null);
    return items;
  }

  private static String tenant(String slug) {
    return api.createTenant(root, slug);
  }

  private static String user(String tenant, String username, String password, String role) {
    String email = username + "." + tenant + "@audit.example";
    EMAILS.add(email);
    Reply created = api.createUser(root, tenant, username, email, password, List.of(role));
    assertEquals(201, created.status(), created.raw().body());
    return created.string("id");
  }
}
