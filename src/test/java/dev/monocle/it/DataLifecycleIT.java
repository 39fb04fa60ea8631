package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.it.Api.Reply;
import dev.monocle.it.Api.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * The data lifecycle as a platform admin runs it: rotate the data key while customers are written
 * and read, watch re-encryption finish, find every sealed value of every module under the new key
 * and the old key deleted, then read the raw database for any PII or secret this whole test run
 * used. Retention policies are read, changed within bounds, and run on demand; tenant admins may
 * look but not change.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class DataLifecycleIT {

  private static final String KEYS = "/api/v1/admin/keys";
  private static final String RETENTION = "/api/v1/admin/retention";
  private static final String CUSTOMERS = "/api/v1/customers";
  private static final String PASSWORD = "copper lanterns drift over quiet tides";
  private static final String[] LENA_TOTP = new String[1];

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  private static Api api;
  private static Session root;
  private static String lena;
  private static long firstKey;
  private static final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
  private static final List<String> pii = new ArrayList<>();

  @BeforeEach
  void client() {
    if (api == null) {
      api = new Api(new BlackBox(base));
    }
  }

  @Test
  @Order(1)
  void aTenantAdminStoresCustomers() {
    root = RootAdmin.signIn(api);
    api.createTenant(root, "lumen");
    Reply created =
        api.createUser(
            root, "lumen", "lena", "lena@lumen.example", PASSWORD, List.of("tenant_admin"));
    assertEquals(201, created.status(), created.raw().body());
    pii.add("lena@lumen.example");
    lena = api.admin("lumen", "lena", PASSWORD, LENA_TOTP).accessToken();
    for (int i = 0; i < 12; i++) {
      addCustomer(i);
    }
  }

  @Test
  @Order(2)
  void keysAreListedWithIdsAgesAndStatesButNoMaterial() {
    Reply keys = api.get(KEYS, root.accessToken());
    assertEquals(200, keys.status(), keys.raw().body());
    JsonObject data = keys.json().getJsonObject("data");
    firstKey = data.getJsonNumber("primary_key_id").longValue();
    assertEquals(1, primaries(data), data.toString());
    JsonObject primary = data.getJsonArray("keys").getJsonObject(0);
    assertEquals(0, primary.getInt("age_days"));
    assertTrue(primary.containsKey("created_at"));
    assertEquals("primary", keys.json().getJsonObject("blind_index").getString("state"));
    assertFalse(keys.json().getJsonArray("signing").isEmpty());
    String body = keys.raw().body();
    for (String material : List.of("keyData", "keyValue", "\"d\"", "private", "encryptedKeyset")) {
      assertFalse(body.contains(material), "no key material: " + material + " in " + body);
    }
    assertEquals(403, api.get(KEYS, lena).status(), "platform admins only");
    assertEquals(403, api.post(KEYS + "/data/rotate", null, lena).status());
    assertEquals(401, api.post(KEYS + "/data/rotate", null).status());
  }

  @Test
  @Order(3)
  void rotationReencryptsEverySealedValueWhileCustomersAreWrittenAndRead() throws Exception {
    Reply rotated = api.post(KEYS + "/data/rotate", null, root.accessToken());
    assertEquals(202, rotated.status(), rotated.raw().body());
    long newKey = rotated.json().getJsonNumber("key_id").longValue();
    assertNotEquals(firstKey, newKey);
    assertEquals("running", rotated.json().getJsonObject("reencryption").getString("state"));

    // While the job waits and runs: old customers read, new ones are written under the new key.
    for (int i = 12; i < 15; i++) {
      addCustomer(i);
    }
    assertCustomersReadBack();

    JsonObject progress = awaitFinished();
    assertEquals(newKey, progress.getJsonNumber("target_key_id").longValue());
    assertEquals(100, progress.getInt("percent"));
    assertTrue(
        progress.getJsonNumber("values_resealed").longValue() >= 12 * 7,
        "at least the 12 old customers' seven sealed fields: " + progress);

    JsonObject data = api.get(KEYS, root.accessToken()).json().getJsonObject("data");
    assertEquals(newKey, data.getJsonNumber("primary_key_id").longValue());
    Map<Long, String> states = new java.util.HashMap<>();
    data.getJsonArray("keys")
        .getValuesAs(JsonObject.class)
        .forEach(k -> states.put(k.getJsonNumber("id").longValue(), k.getString("state")));
    assertEquals(Map.of(firstKey, "removed", newKey, "primary"), states);

    assertEquals(Set.of(newKey), keyIdsInUse(), "every sealed column of every module");
    assertCustomersReadBack();

    Set<String> actions = new TreeSet<>();
    for (String action :
        List.of(
            "keys.rotated",
            "keys.reencryption_started",
            "keys.reencryption_finished",
            "keys.removed",
            "secret.read")) {
      Reply events =
          api.get("/api/v1/audit/events?action=" + action + "&limit=50", root.accessToken());
      assertEquals(200, events.status());
      if (!events.json().getJsonArray("items").isEmpty()) {
        actions.add(action);
      }
    }
    assertEquals(
        Set.of(
            "keys.rotated",
            "keys.reencryption_started",
            "keys.reencryption_finished",
            "keys.removed",
            "secret.read"),
        actions);
    String kekRead =
        api.get("/api/v1/audit/events?action=secret.read&limit=50", root.accessToken())
            .raw()
            .body();
    assertTrue(kekRead.contains("MONOCLE_KEK"), kekRead);
  }

  @Test
  @Order(4)
  void rotatingTheBlindIndexKeyRebuildsEveryIndexSoLookupsStillFind() {
    long before = blindIndexKey();
    String email = (String) customers.values().iterator().next().get("email");
    assertEquals(1, findByEmail(email), "found through the blind index before");
    assertEquals(403, api.post(KEYS + "/blind-index/rotate", null, lena).status());

    Reply rotated = api.post(KEYS + "/blind-index/rotate", null, root.accessToken());
    assertEquals(200, rotated.status(), rotated.raw().body());
    long after = rotated.json().getJsonNumber("key_id").longValue();
    assertNotEquals(before, after);
    assertEquals(after, blindIndexKey());
    assertTrue(
        rotated.json().getJsonNumber("rows_reindexed").longValue() >= customers.size() + 1,
        "customers and users with an email (lena; root has none): " + rotated.raw().body());
    assertEquals(1, findByEmail(email), "found through the rebuilt index");
    assertEquals(1, findByEmail(email.toUpperCase(java.util.Locale.ROOT)), "case ignored");
    assertEquals(0, findByEmail("nobody@lumen-mail.example"));
  }

  private static long blindIndexKey() {
    return api.get(KEYS, root.accessToken())
        .json()
        .getJsonObject("blind_index")
        .getJsonNumber("id")
        .longValue();
  }

  private static int findByEmail(String email) {
    Reply found =
        api.get(
            CUSTOMERS + "?email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8),
            lena);
    assertEquals(200, found.status(), found.raw().body());
    return found.json().getJsonArray("items").size();
  }

  @Test
  @Order(5)
  void retentionPoliciesAreShownChangedWithinBoundsAndRunOnDemand() {
    Reply overview = api.get(RETENTION, root.accessToken());
    assertEquals(200, overview.status(), overview.raw().body());
    Set<String> classes = new TreeSet<>();
    overview
        .json()
        .getJsonArray("policies")
        .getValuesAs(JsonObject.class)
        .forEach(p -> classes.add(p.getString("data_class")));
    assertEquals(
        Set.of(
            "audit_events",
            "biometric_without_consent",
            "inactive_customers",
            "lockout_counters",
            "mfa_challenges",
            "sessions",
            "translation_cache"),
        classes);
    assertEquals(24, overview.json().getInt("every_hours"));
    assertEquals(200, api.get(RETENTION, lena).status(), "tenant admins may read");
    assertEquals(403, put(Map.of("policies", List.of(policy("sessions", 60))), lena).status());
    assertEquals(403, api.post(RETENTION + "/run", null, lena).status());

    Reply tooShort =
        put(
            Map.of("policies", List.of(policy("sessions", 0), policy("translation_cache", 9))),
            root.accessToken());
    assertEquals(400, tooShort.status(), tooShort.raw().body());
    assertTrue(tooShort.raw().body().contains("policies.sessions"));
    assertTrue(tooShort.raw().body().contains("policies.translation_cache"));
    for (String hostile :
        List.of(
            "{\"policies\":[{\"data_class\":\"sessions\",\"period_days\":\"ten\"}]}",
            "{\"policies\":[{\"data_class\":\"sessions\",\"period_days\":1e400}]}",
            "{\"policies\":{}}",
            "{\"policies\":[{\"data_class\":\"<script>\",\"period_days\":5}]}",
            "[]",
            "{")) {
      Reply bad = put(hostile, root.accessToken());
      assertEquals(400, bad.status(), hostile + " -> " + bad.raw().body());
      assertTrue(bad.header("Content-Type").startsWith("application/problem+json"));
    }

    Reply changed = put(Map.of("policies", List.of(policy("sessions", 45))), root.accessToken());
    assertEquals(200, changed.status(), changed.raw().body());
    JsonObject sessions =
        changed.json().getJsonArray("policies").getValuesAs(JsonObject.class).stream()
            .filter(p -> p.getString("data_class").equals("sessions"))
            .findFirst()
            .orElseThrow();
    assertEquals(45, sessions.getInt("period_days"));
    assertEquals("updated", sessions.getString("source"));

    Reply run = api.post(RETENTION + "/run", null, root.accessToken());
    assertEquals(200, run.status(), run.raw().body());
    assertEquals(7, run.json().getJsonArray("runs").size());
    run.json()
        .getJsonArray("runs")
        .getValuesAs(JsonObject.class)
        .forEach(r -> assertEquals("success", r.getString("outcome"), r.toString()));
    Reply purged =
        api.get("/api/v1/audit/events?action=retention.purged&limit=50", root.accessToken());
    assertTrue(purged.json().getJsonArray("items").size() >= 7, purged.raw().body());
    JsonObject last =
        api.get(RETENTION, root.accessToken()).json().getJsonArray("policies").getJsonObject(0);
    assertEquals("manual", last.getJsonObject("last_run").getString("trigger"));
    assertEquals(
        200, api.get("/api/v1/audit/verify", root.accessToken()).status(), "trail still verifies");
    assertTrue(
        api.get("/api/v1/audit/verify", root.accessToken()).json().getBoolean("valid"),
        "the chain is valid after retention");
  }

  @Test
  @Order(6)
  void theRawDatabaseHoldsNoPiiOrSecretOfTheWholeRun() throws Exception {
    String dump = rawDump();
    List<String> sought = new ArrayList<>(pii);
    // Passwords, tokens, API keys, TOTP secrets and recovery codes of every test class of this
    // run; six-digit TOTP codes are left out, as any number in the dump could match them.
    api.secretsSeen.stream().filter(s -> s.length() >= 12).forEach(sought::add);
    assertTrue(sought.size() > 40, "the scan looks for many values: " + sought.size());
    for (String value : sought) {
      assertFalse(dump.contains(value), "in the raw database: " + value);
    }
  }

  private static Map<String, Object> policy(String dataClass, int days) {
    return Map.of("data_class", dataClass, "period_days", days);
  }

  private static Reply put(Object body, String token) {
    return api.call("PUT", RETENTION, body, Map.of("Authorization", "Bearer " + token));
  }

  private static void addCustomer(int i) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("full_name", "Marisol Quintanilla-" + i);
    c.put("email", "marisol.q" + i + "@lumen-mail.example");
    c.put("phone", "+34 611 408 " + (100 + i));
    c.put("date_of_birth", "1987-03-" + (10 + i));
    c.put("face_shape", "heart");
    c.put("face_width_mm", 131 + i);
    c.put("prescription", Map.of("pupillary_distance_mm", 60 + i));
    c.put("consent", Map.of("marketing", false, "biometric", true));
    Reply created = api.post(CUSTOMERS, c, lena);
    assertEquals(201, created.status(), created.raw().body());
    customers.put(created.string("id"), c);
    pii.add("Marisol Quintanilla-" + i);
    pii.add("marisol.q" + i + "@lumen-mail.example");
    pii.add("+34 611 408 " + (100 + i));
  }

  private static void assertCustomersReadBack() {
    customers.forEach(
        (id, c) -> {
          Reply read = api.get(CUSTOMERS + "/" + id, lena);
          assertEquals(200, read.status(), read.raw().body());
          assertEquals(c.get("full_name"), read.string("full_name"));
          assertEquals(c.get("email"), read.string("email"));
          assertEquals(c.get("phone"), read.string("phone"));
          assertEquals(c.get("face_width_mm"), read.json().getInt("face_width_mm"));
        });
  }

  private static JsonObject awaitFinished() {
    long deadline = System.currentTimeMillis() + 120_000;
    JsonObject progress = null;
    while (System.currentTimeMillis() < deadline) {
      JsonObject data = api.get(KEYS, root.accessToken()).json().getJsonObject("data");
      JsonValue job = data.get("reencryption");
      if (job instanceof JsonObject p) {
        progress = p;
        if ("finished".equals(p.getString("state"))) {
          return p;
        }
      }
      Api.sleep(500);
    }
    throw new AssertionError("re-encryption did not finish: " + progress);
  }

  private static long primaries(JsonObject data) {
    return data.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
        .filter(k -> k.getString("state").equals("primary"))
        .count();
  }

  /** The key id in the Tink prefix of every non-null binary value of every table. */
  private static Set<Long> keyIdsInUse() throws Exception {
    Set<Long> ids = new TreeSet<>();
    int values = 0;
    try (Connection c = TestDatabases.rawConnection();
        Statement s = c.createStatement()) {
      for (String table : tables(c)) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              if (rs.getObject(i) instanceof byte[] bytes && bytes.length > 5) {
                values++;
                assertEquals(1, bytes[0], table + ": a Tink ciphertext with a key id");
                ids.add(Integer.toUnsignedLong(ByteBuffer.wrap(bytes, 1, 4).getInt()));
              }
            }
          }
        }
      }
    }
    assertTrue(values > 15 * 7, "customers, users, signing keys: " + values);
    return ids;
  }

  private static String rawDump() throws Exception {
    try (Connection c = TestDatabases.rawConnection()) {
      return TestDatabases.dump(c);
    }
  }

  private static List<String> tables(Connection c) throws Exception {
    List<String> tables = TestDatabases.tables(c);
    assertTrue(tables.size() > 15, tables.toString());
    return tables;
  }
}
