package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.it.Api.Reply;
import dev.monocle.it.Api.Session;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The catalog as a retailer's staff, their shop systems and a shopper's app use it: frames with
 * ETags, validation per field, every filter and sort, stable pages, imports with bad rows,
 * recommendations, customers masked per role and never stored in plaintext, and another tenant's
 * objects answered with 404 everywhere.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class CatalogIT {

  private static final String FRAMES = "/api/v1/catalog/frames";
  private static final String CUSTOMERS = "/api/v1/customers";
  private static final String PASSWORD = "lantern harbors fold quiet maps";
  private static final String[] TARA_TOTP = new String[1];

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  private static Api api;
  private static Session root;
  private static String editor;
  private static String viewer;
  private static String admin;
  private static String rival;
  private static String readKey;

  @BeforeEach
  void client() {
    if (api == null) {
      api = new Api(new BlackBox(base));
    }
  }

  @Test
  @Order(1)
  void staffOfTwoRetailersSignIn() {
    root = RootAdmin.signIn(api);
    tenant("optica");
    tenant("visio");
    user("optica", "eddie", "catalog_editor");
    user("optica", "vera", "viewer");
    user("optica", "tara", "tenant_admin");
    user("visio", "vic", "catalog_editor");
    editor = api.user("optica", "eddie", PASSWORD).accessToken();
    viewer = api.user("optica", "vera", PASSWORD).accessToken();
    admin = api.admin("optica", "tara", PASSWORD, TARA_TOTP).accessToken();
    rival = api.user("visio", "vic", PASSWORD).accessToken();
    readKey = api.createApiKey(admin, null, "shop app", List.of("catalog:read", "recommend"));
  }

  @Test
  @Order(2)
  void aFrameIsCreatedReadReplacedPatchedAndArchivedWithETags() {
    Reply created = api.post(FRAMES, frame("AR-1", "Aria", "square", "129.90"), editor);
    assertEquals(201, created.status(), created.raw().body());
    String id = created.string("id");
    assertEquals("/api/v1/catalog/frames/" + id, path(created.header("Location")));
    String etag = created.header("ETag");
    assertNotNull(etag);
    assertEquals("M", created.string("size"));
    assertEquals("draft", created.string("status"), "draft unless stated");
    JsonObject scores = created.json().getJsonObject("face_shape_scores");
    assertTrue(
        scores.getJsonNumber("round").doubleValue() > scores.getJsonNumber("square").doubleValue(),
        "square frames suit round faces better than square ones: " + scores);
    JsonObject quality = created.json().getJsonObject("quality");
    assertTrue(
        quality.getJsonArray("issues").toString().contains("missing_images"), quality.toString());

    Reply read = api.get(FRAMES + "/" + id, editor);
    assertEquals(200, read.status());
    assertEquals(etag, read.header("ETag"));

    Map<String, Object> replacement = frame("AR-1", "Aria II", "square", "139.90");
    assertEquals(412, put(id, replacement, "\"999\"").status(), "a stale ETag");
    Reply replaced = put(id, replacement, etag);
    assertEquals(200, replaced.status(), replaced.raw().body());
    assertEquals("Aria II", replaced.string("name"));
    assertNotEquals(etag, replaced.header("ETag"));

    Reply patched =
        api.call(
            "PATCH",
            FRAMES + "/" + id,
            "{\"status\":\"active\",\"stock\":3,\"measurements\":{\"weight_g\":null}}",
            Map.of(
                "Authorization",
                "Bearer " + editor,
                "If-Match",
                replaced.header("ETag"),
                "Content-Type",
                "application/merge-patch+json"));
    assertEquals(200, patched.status(), patched.raw().body());
    assertEquals("active", patched.string("status"));
    assertEquals("Aria II", patched.string("name"), "fields the patch does not name stay");
    assertFalse(patched.json().getJsonObject("measurements").containsKey("weight_g"));
    assertEquals(200, api.get(FRAMES + "/" + id, viewer).status(), "active: viewers see it");

    assertEquals(
        412,
        api.call(
                "DELETE",
                FRAMES + "/" + id,
                null,
                Map.of("Authorization", "Bearer " + editor, "If-Match", etag))
            .status());
    assertEquals(204, api.delete(FRAMES + "/" + id, editor).status());
    assertEquals("archived", api.get(FRAMES + "/" + id, editor).string("status"));
    assertEquals(404, api.get(FRAMES + "/" + id, viewer).status(), "archived: gone for shoppers");
  }

  @Test
  @Order(3)
  void invalidFramesAreRefusedFieldByFieldAndNothingIsMassAssigned() {
    Map<String, Object> bad = new LinkedHashMap<>(frame("bad sku", "", "blob", "-5"));
    bad.put(
        "measurements", Map.of("lens_width_mm", 80, "bridge_width_mm", 5, "temple_length_mm", 200));
    bad.put("price", Map.of("amount", -5, "currency", "EURO"));
    bad.put("stock", -1);
    bad.put("images", List.of("javascript:alert(1)"));
    Reply refused = api.post(FRAMES, bad, editor);
    assertEquals(400, refused.status());
    assertEquals(
        Set.of(
            "sku",
            "name",
            "shape",
            "measurements.lens_width_mm",
            "measurements.bridge_width_mm",
            "measurements.temple_length_mm",
            "price.amount",
            "price.currency",
            "stock",
            "images[0]"),
        fields(refused));
    assertProblem(refused);

    for (String field : List.of("id", "tenant", "tenant_id", "created_at", "size", "quality")) {
      Map<String, Object> sneaky = new LinkedHashMap<>(frame("MA-1", "Sneaky", "oval", "10"));
      sneaky.put(field, "x");
      Reply r = api.post(FRAMES, sneaky, editor);
      assertEquals(400, r.status(), field + ": " + r.raw().body());
      assertEquals(Set.of(field), fields(r));
    }
    assertEquals(400, api.post(FRAMES, "[]", editor).status());
    assertEquals(400, api.post(FRAMES, "{\"sku\": ", editor).status());
    assertEquals(400, api.get(FRAMES + "?shape=blob", editor).status());
    assertEquals(400, api.get(FRAMES + "?colour=red", editor).status(), "a misspelt filter");
    assertEquals(400, api.get(FRAMES + "?limit=101", editor).status());
    assertEquals(400, api.get(FRAMES + "?cursor=!!!", editor).status());
    assertEquals(404, api.get(FRAMES + "/not-a-uuid", editor).status());

    Map<String, Object> huge = new LinkedHashMap<>(frame("NUM-1", "Numbers", "oval", "10"));
    huge.put("stock", new java.math.BigDecimal("4294967297"));
    assertEquals(
        Set.of("body"), Set.of(fieldOrBody(api.post(FRAMES, huge, editor))), "no wrap to 1");
    huge.put("stock", new java.math.BigDecimal("2.9"));
    assertEquals(400, api.post(FRAMES, huge, editor).status(), "no truncation to 2");
    assertEquals(400, api.post(FRAMES, "{\"stock\": 1e9999999999}", editor).status());
    assertEquals(
        400,
        api.post(FRAMES + ":import", "[{\"sku\":\"A\",\"stock\":1e9999999999}]", editor).status());
    assertEquals(
        400, api.get(FRAMES + "?brand=%00", editor).status(), "no NUL reaches the database");
    Map<String, Object> turkish = new LinkedHashMap<>(frame("TR-1", "İ".repeat(200), "oval", "10"));
    turkish.put("brand", "İ".repeat(100));
    turkish.put("color", "İ".repeat(50));
    Reply longer = api.post(FRAMES, turkish, editor);
    assertEquals(201, longer.status(), "lower-casing may lengthen text: " + longer.raw().body());
  }

  @Test
  @Order(4)
  void anImportKeepsValidRowsReportsBadOnesAndUpsertsBySku() {
    List<Object> rows = new ArrayList<>();
    rows.add(frame("AR-1", "Aria III", "square", "99.00"));
    rows.add(frame("IM-2", "Second", "round", "10"));
    rows.add(
        Map.of(
            "sku",
            "IM-3",
            "name",
            "No shape",
            "frame_type",
            "reading",
            "price",
            Map.of("amount", 1, "currency", "EUR")));
    rows.add(Map.of("sku", "IM-4", "id", "00000000-0000-0000-0000-000000000000"));
    rows.add("not an object");
    Reply report = api.post(FRAMES + ":import", rows, editor);
    assertEquals(200, report.status(), report.raw().body());
    assertEquals(1, report.json().getInt("created"));
    assertEquals(1, report.json().getInt("updated"));
    assertEquals(3, report.json().getInt("failed"));
    Map<Integer, String> errors = new HashMap<>();
    for (JsonObject e : report.json().getJsonArray("errors").getValuesAs(JsonObject.class)) {
      errors.put(e.getInt("row"), e.getString("field"));
    }
    assertEquals(Map.of(3, "shape", 4, "id", 5, "row"), errors);

    String csv =
        "sku,name,brand,frame_type,shape,material,color,gender,frame_width_mm,price_amount,price_currency,stock,status,tags\n"
            + "CSV-1,Csv One,Kestrel,sunglasses,aviator,metal,Gold,men,146,80,EUR,4,active,pilot|summer\n"
            + "CSV-2,Csv Two,Kestrel,sunglasses,aviator,metal,Gold,men,wide,80,EUR,4,active,\n";
    HttpResponse<String> csvReply =
        new BlackBox(base)
            .send(
                new BlackBox(base)
                    .request(FRAMES + ":import")
                    .header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "text/csv")
                    .POST(BodyPublishers.ofString(csv))
                    .build());
    assertEquals(200, csvReply.statusCode(), csvReply.body());
    assertTrue(csvReply.body().contains("\"created\":1"), csvReply.body());
    assertTrue(csvReply.body().contains("\"row\":2"), csvReply.body());
    assertTrue(csvReply.body().contains("measurements.frame_width_mm"), csvReply.body());
    assertEquals(403, api.post(FRAMES + ":import", List.of(), viewer).status());
  }

  @Test
  @Order(5)
  void everyFilterAndSortAnswersWhatItSays() {
    List<Object> rows = new ArrayList<>();
    String[] shapes = {"round", "square", "aviator", "cat_eye", "rectangular"};
    String[] materials = {"acetate", "metal", "titanium"};
    String[] colors = {"Black", "Tortoise"};
    for (int i = 0; i < 30; i++) {
      Map<String, Object> f =
          new LinkedHashMap<>(
              frame(String.format("F-%02d", i), "Filter " + i, shapes[i % 5], (20 + i) + ".00"));
      f.put("brand", i < 10 ? "Lumen" : "Solstice");
      f.put("material", materials[i % 3]);
      f.put("color", colors[i % 2]);
      f.put("frame_type", i % 4 == 0 ? "sunglasses" : "prescription");
      f.put("gender", i % 3 == 0 ? "women" : "unisex");
      f.put(
          "measurements",
          Map.of("frame_width_mm", 125 + i, "lens_width_mm", 50, "lens_height_mm", 36));
      f.put("stock", i % 5 == 4 ? 0 : 7);
      f.put("status", i == 29 ? "draft" : "active");
      f.put("description", i == 7 ? "Handmade in the Jura mountains" : "Everyday frame");
      rows.add(f);
    }
    Reply report = api.post(FRAMES + ":import", rows, editor);
    assertEquals(30, report.json().getInt("created"), report.raw().body());

    assertSkus("brand=lumen", i -> i < 10);
    assertSkus("shape=cat_eye", i -> i % 5 == 3);
    assertSkus("material=titanium", i -> i % 3 == 2);
    assertSkus("color=tortoise", i -> i % 2 == 1);
    assertSkus("frame_type=sunglasses", i -> i % 4 == 0);
    assertSkus("gender=women", i -> i % 3 == 0);
    assertSkus("size=S", i -> 125 + i >= 130 && 125 + i < 135);
    assertSkus(
        "face_shape=square",
        i -> i % 5 == 0 || i % 5 == 2 || i % 5 == 3,
        "round 90, aviator 80, cat-eye 75");
    assertSkus("min_price=25&max_price=30.5", i -> 20 + i >= 25 && 20 + i <= 30.5);
    assertSkus("in_stock=false", i -> i % 5 == 4);
    assertSkus("status=draft", i -> i == 29);
    assertSkus("q=jura+mount", i -> i == 7);
    assertSkus("q=filter+2", i -> i == 2 || i >= 20, "word prefixes");
    assertSkus("q=filter&brand=lumen&material=metal", i -> i < 10 && i % 3 == 1);

    List<String> byPrice = skus(all("sort=price&brand=solstice"));
    assertEquals("F-10", byPrice.get(0));
    List<String> reversed = new ArrayList<>(byPrice);
    java.util.Collections.reverse(reversed);
    assertEquals(reversed, skus(all("sort=-price&brand=solstice")));
    List<String> byName =
        skus(all("sort=name&brand=lumen")).stream().filter(s -> s.startsWith("F-")).toList();
    assertEquals(List.of("F-00", "F-01", "F-02"), byName.subList(0, 3));
    assertEquals("F-09", byName.get(byName.size() - 1));
    assertEquals(
        "F-09",
        skus(all("sort=-name&brand=lumen")).stream()
            .filter(s -> s.startsWith("F-"))
            .findFirst()
            .get());
    Map<String, Object> named =
        new LinkedHashMap<>(frame("REL-1", "Solstice Signature", "oval", "50"));
    named.put("brand", "Kestrel");
    assertEquals(201, api.post(FRAMES, named, editor).status());
    List<String> relevance = skus(all("q=solstice&sort=relevance"));
    assertEquals("REL-1", relevance.get(0), "a match in the name ranks above one in the brand");
    assertEquals(21, relevance.size(), "REL-1 and the 20 Solstice frames (editors see drafts)");
    assertEquals(400, api.get(FRAMES + "?sort=relevance", editor).status(), "relevance needs q");

    Reply viewersView = api.get(FRAMES + "?status=draft", viewer);
    assertEquals(0, viewersView.json().getJsonArray("items").size(), "viewers never see drafts");
    Reply shopApp = api.call("GET", FRAMES + "?brand=lumen", null, Map.of("X-API-Key", readKey));
    assertEquals(200, shopApp.status(), shopApp.raw().body());
    assertEquals(10, shopApp.json().getJsonArray("items").size());
  }

  @Test
  @Order(6)
  void pagesStayStableWhileFramesAreAdded() {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int added = 0;
    do {
      Reply page =
          api.get(
              FRAMES + "?sort=price&limit=7" + (cursor == null ? "" : "&cursor=" + cursor), editor);
      assertEquals(200, page.status(), page.raw().body());
      for (JsonObject f : page.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
        assertTrue(seen.add(f.getString("sku")), "twice: " + f.getString("sku"));
      }
      cursor = page.json().isNull("next_cursor") ? null : page.json().getString("next_cursor");
      assertEquals(
          201, api.post(FRAMES, frame("NEW-" + added++, "Cheap", "oval", "0.10"), editor).status());
    } while (cursor != null);
    assertTrue(seen.containsAll(List.of("F-00", "F-28", "IM-2", "CSV-1")), "nothing skipped");
    newest("NEW-" + (added - 1));
  }

  @Test
  @Order(7)
  void recommendationsRankActiveInStockFramesWithReasons() {
    Map<String, Object> ask =
        Map.of(
            "face_shape",
            "round",
            "face_width_mm",
            140,
            "preferences",
            Map.of("materials", List.of("titanium"), "max_price", 45),
            "limit",
            20);
    Reply reply =
        api.call("POST", "/api/v1/catalog/recommendations", ask, Map.of("X-API-Key", readKey));
    assertEquals(200, reply.status(), reply.raw().body());
    List<JsonObject> items = reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(20, items.size());
    int last = 101;
    for (JsonObject item : items) {
      int score = item.getInt("score");
      JsonObject frame = item.getJsonObject("frame");
      assertTrue(score <= last && score >= 0 && score <= 100, reply.raw().body());
      assertEquals("active", frame.getString("status"));
      assertTrue(frame.getInt("stock") > 0);
      assertTrue(frame.getJsonObject("price").getJsonNumber("amount").doubleValue() <= 45);
      assertFalse(item.getJsonArray("reasons").isEmpty());
      last = score;
    }
    String reasons = items.get(0).getJsonArray("reasons").toString();
    assertTrue(reasons.contains("round face"), reasons);
    assertTrue(
        reply.raw().body().contains("a material you prefer (titanium)"),
        "the preferred material is a reason: " + reply.raw().body());
    assertEquals(
        reply.raw().body(),
        api.call("POST", "/api/v1/catalog/recommendations", ask, Map.of("X-API-Key", readKey))
            .raw()
            .body(),
        "deterministic");

    Reply bad =
        api.post(
            "/api/v1/catalog/recommendations",
            Map.of(
                "face_shape",
                "triangle",
                "limit",
                51,
                "preferences",
                Map.of("shapes", List.of("blob"))),
            viewer);
    assertEquals(400, bad.status());
    assertEquals(Set.of("face_shape", "limit", "preferences.shapes[0]"), fields(bad));
    assertEquals(200, api.get("/api/v1/catalog/size-guide", viewer).status());
    assertEquals(
        200,
        api.call("GET", "/api/v1/catalog/size-guide", null, Map.of("X-API-Key", readKey)).status());
  }

  @Test
  @Order(8)
  void localizationTranslatesWithApertiumAndRefusesUnservedLanguages() {
    String id = api.post(FRAMES, frame("LOC-1", "Aria", "round", "10"), editor).string("id");
    Reply reply =
        api.post(FRAMES + "/" + id + "/localize", Map.of("languages", List.of("es")), editor);
    assertEquals(200, reply.status(), reply.raw().body());
    JsonObject spanish = reply.json().getJsonObject("localized").getJsonObject("es");
    assertTrue(spanish.getBoolean("machine_translated"), spanish.toString());
    assertFalse(spanish.getString("name").isBlank(), spanish.toString());
    Reply unserved =
        api.post(FRAMES + "/" + id + "/localize", Map.of("languages", List.of("de")), editor);
    assertEquals(422, unserved.status(), unserved.raw().body());
    assertTrue(
        unserved.json().getJsonArray("supported_pairs").toString().contains("en-es"),
        unserved.raw().body());
    Reply bad =
        api.post(FRAMES + "/" + id + "/localize", Map.of("languages", List.of("spanish")), editor);
    assertEquals(400, bad.status());
    assertEquals(
        403,
        api.post(FRAMES + "/" + id + "/localize", Map.of("languages", List.of("es")), viewer)
            .status());
  }

  @Test
  @Order(9)
  void customersAreMaskedForEditorsAuditedForAdminsAndNeverStoredInPlaintext() throws Exception {
    Map<String, Object> jane = customer();
    Reply noConsent = api.post(CUSTOMERS, withConsent(jane, false), admin);
    assertEquals(400, noConsent.status());
    assertEquals(Set.of("face_shape", "face_width_mm"), fields(noConsent));
    assertEquals(403, api.post(CUSTOMERS, jane, editor).status(), "editors do not write customers");
    Reply created = api.post(CUSTOMERS, jane, admin);
    assertEquals(201, created.status(), created.raw().body());
    String id = created.string("id");
    assertEquals("jane.doe@example.org", created.string("email"));

    Reply masked = api.get(CUSTOMERS + "/" + id, editor);
    assertEquals(200, masked.status());
    assertEquals("j***@e***.org", masked.string("email"));
    assertEquals("J*** D***", masked.string("full_name"));
    assertTrue(masked.json().getBoolean("masked"));
    assertFalse(masked.json().containsKey("prescription"));
    assertFalse(masked.raw().body().contains("Jane"));

    Reply full = api.get(CUSTOMERS + "/" + id, admin);
    assertEquals("Jane Doe", full.string("full_name"));
    assertEquals(
        -1.25,
        full.json()
            .getJsonObject("prescription")
            .getJsonObject("right")
            .getJsonNumber("sphere")
            .doubleValue());
    Reply byEmail =
        api.get(
            CUSTOMERS
                + "?email="
                + URLEncoder.encode("Jane.Doe@example.org", StandardCharsets.UTF_8),
            admin);
    assertEquals(1, byEmail.json().getJsonArray("items").size(), "found by its blind index");
    assertEquals(
        403,
        api.get(CUSTOMERS + "?email=jane.doe%40example.org", editor).status(),
        "masked readers cannot test who is a customer");
    Reply reads = api.get("/api/v1/audit/events?action=pii.read&limit=100", root.accessToken());
    assertTrue(reads.raw().body().contains(id), "unmasked reads are audited");

    Reply withdrawn =
        api.call(
            "PATCH",
            CUSTOMERS + "/" + id,
            "{\"consent\":{\"marketing\":true,\"biometric\":false}}",
            Map.of("Authorization", "Bearer " + admin, "If-Match", full.header("ETag")));
    assertEquals(200, withdrawn.status(), withdrawn.raw().body());
    assertFalse(
        withdrawn.json().containsKey("face_width_mm"), "withdrawn consent erases face data");

    assertNoPlaintext(
        "catalog_customer", "Jane Doe", "jane.doe@example.org", "600 123 442", "1990-04-02");

    Reply export = api.get(CUSTOMERS + "/" + id + "/export", admin);
    assertEquals(200, export.status());
    assertEquals("Jane Doe", export.string("full_name"));
    assertEquals(403, api.get(CUSTOMERS + "/" + id + "/export", editor).status());
    assertEquals(403, api.get(CUSTOMERS, viewer).status());
    assertEquals(403, api.call("GET", CUSTOMERS, null, Map.of("X-API-Key", readKey)).status());

    Reply writer =
        api.post(
            "/api/v1/admin/api-keys",
            Map.of("name", "crm writer", "scopes", List.of("customers:write")),
            admin);
    api.remember(writer);
    Reply written =
        api.call("PATCH", CUSTOMERS + "/" + id, "{}", Map.of("X-API-Key", writer.string("key")));
    assertEquals(200, written.status(), written.raw().body());
    assertTrue(
        written.json().getBoolean("masked"), "writing is not reading: " + written.raw().body());

    assertEquals(204, api.delete(CUSTOMERS + "/" + id, admin).status());
    assertEquals(404, api.get(CUSTOMERS + "/" + id, admin).status());
    try (Connection c = TestDatabases.rawConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM catalog_customer WHERE id = '" + id + "'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "erased from the database");
    }
    Reply trail =
        api.get("/api/v1/audit/events?action=customer.erased&limit=100", root.accessToken());
    assertTrue(trail.raw().body().contains(id));
    assertFalse(
        api.get("/api/v1/audit/events?limit=100", root.accessToken())
            .raw()
            .body()
            .contains("Jane"));
  }

  @Test
  @Order(10)
  void anotherTenantsObjectsAreNotFoundEverywhere() {
    String frame = api.post(FRAMES, frame("X-1", "Private", "round", "10"), editor).string("id");
    String customer = api.post(CUSTOMERS, customer(), admin).string("id");
    String f = FRAMES + "/" + frame;
    String c = CUSTOMERS + "/" + customer;
    assertEquals(404, api.get(f, rival).status());
    assertEquals(404, put(frame, frame("X-1", "Mine now", "round", "1"), null, rival).status());
    assertEquals(404, api.patch(f, Map.of("name", "Mine"), rival).status());
    assertEquals(404, api.delete(f, rival).status());
    assertEquals(
        404, api.post(f + "/localize", Map.of("languages", List.of("es")), rival).status());
    assertEquals(0, api.get(FRAMES + "?q=private", rival).json().getJsonArray("items").size());
    Map<String, Object> own = new LinkedHashMap<>(frame("X-1", "Same SKU elsewhere", "round", "1"));
    own.put("status", "active");
    own.put("stock", 2);
    assertEquals(201, api.post(FRAMES, own, rival).status());
    Map<String, Object> reimported = new LinkedHashMap<>(own);
    reimported.put("name", "Rival's");
    Reply ownImport = api.post(FRAMES + ":import", List.of(reimported), rival);
    assertEquals(1, ownImport.json().getInt("updated"), "an import upserts in its own tenant only");
    assertEquals("Private", api.get(f, editor).string("name"));
    Reply theirs =
        api.post(
            "/api/v1/catalog/recommendations", Map.of("face_shape", "round", "limit", 50), rival);
    assertEquals(200, theirs.status(), theirs.raw().body());
    List<JsonObject> items = theirs.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(1, items.size(), "recommendations come from the caller's tenant only");
    assertEquals("Rival's", items.get(0).getJsonObject("frame").getString("name"));

    Reply pat =
        api.createUser(
            root,
            "platform",
            "catalog-auditor",
            "catalog-auditor@platform.example",
            PASSWORD,
            List.of("catalog_editor", "auditor"));
    assertEquals(201, pat.status(), pat.raw().body());
    String patToken = api.user("platform", "catalog-auditor", PASSWORD).accessToken();
    assertEquals(
        404, api.get(f, patToken).status(), "an auditor role widens nothing but the trail");
    assertEquals(404, api.patch(f, Map.of("name", "Audited"), patToken).status());
    assertEquals(0, api.get(FRAMES + "?q=private", patToken).json().getJsonArray("items").size());
    assertEquals(0, api.get(CUSTOMERS, patToken).json().getJsonArray("items").size());

    Session vicAdmin = rivalAdmin();
    assertEquals(404, api.get(c, vicAdmin.accessToken()).status());
    assertEquals(404, api.patch(c, Map.of("full_name", "X"), vicAdmin.accessToken()).status());
    assertEquals(404, api.get(c + "/export", vicAdmin.accessToken()).status());
    assertEquals(404, api.delete(c, vicAdmin.accessToken()).status());
    assertEquals(0, api.get(CUSTOMERS, vicAdmin.accessToken()).json().getJsonArray("items").size());
    assertEquals(200, api.get(c, admin).status(), "still there for its own tenant");
  }

  // ------------------------------------------------------------------ helpers

  private Session rivalAdmin() {
    user("visio", "val", "tenant_admin");
    return api.admin("visio", "val", PASSWORD, new String[1]);
  }

  private static Map<String, Object> frame(String sku, String name, String shape, String price) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("sku", sku);
    f.put("name", name);
    f.put("brand", "Lumen");
    f.put("frame_type", "prescription");
    f.put("shape", shape);
    f.put("material", "acetate");
    f.put(
        "measurements",
        Map.of(
            "lens_width_mm",
            52,
            "lens_height_mm",
            38,
            "bridge_width_mm",
            18,
            "temple_length_mm",
            140,
            "frame_width_mm",
            137,
            "weight_g",
            21));
    f.put("price", Map.of("amount", new java.math.BigDecimal(price), "currency", "EUR"));
    return f;
  }

  private static Map<String, Object> customer() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("full_name", "Jane Doe");
    c.put("email", "jane.doe@example.org");
    c.put("phone", "+34 600 123 442");
    c.put("date_of_birth", "1990-04-02");
    c.put(
        "prescription",
        Map.of(
            "right",
            Map.of("sphere", -1.25, "cylinder", -0.5, "axis", 90),
            "pupillary_distance_mm",
            62));
    c.put("face_shape", "oval");
    c.put("face_width_mm", 139);
    c.put("consent", Map.of("marketing", false, "biometric", true));
    return c;
  }

  private static Map<String, Object> withConsent(Map<String, Object> c, boolean biometric) {
    Map<String, Object> copy = new LinkedHashMap<>(c);
    copy.put("consent", Map.of("marketing", false, "biometric", biometric));
    return copy;
  }

  private static void assertNoPlaintext(String table, String... values) throws Exception {
    String dump;
    try (Connection c = TestDatabases.rawConnection()) {
      dump = TestDatabases.dump(c, table);
    }
    assertFalse(dump.isEmpty(), "the table holds the rows written");
    for (String value : values) {
      assertFalse(dump.contains(value), "plaintext in " + table + ": " + value);
    }
  }

  private Reply put(String id, Map<String, Object> body, String ifMatch) {
    return put(id, body, ifMatch, editor);
  }

  private Reply put(String id, Map<String, Object> body, String ifMatch, String token) {
    Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token));
    if (ifMatch != null) {
      headers.put("If-Match", ifMatch);
    }
    return api.call("PUT", FRAMES + "/" + id, body, headers);
  }

  private static List<JsonObject> all(String query) {
    List<JsonObject> items = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          api.get(
              FRAMES + "?limit=100&" + query + (cursor == null ? "" : "&cursor=" + cursor), editor);
      assertEquals(200, page.status(), query + ": " + page.raw().body());
      items.addAll(page.json().getJsonArray("items").getValuesAs(JsonObject.class));
      cursor = page.json().isNull("next_cursor") ? null : page.json().getString("next_cursor");
    } while (cursor != null);
    return items;
  }

  private static List<String> skus(List<JsonObject> frames) {
    return frames.stream().map(f -> f.getString("sku")).toList();
  }

  private static void assertSkus(String query, java.util.function.IntPredicate expected) {
    assertSkus(query, expected, "");
  }

  /** The F-xx frames a filter returns are exactly those the predicate names. */
  private static void assertSkus(
      String query, java.util.function.IntPredicate expected, String why) {
    Set<String> want = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      if (expected.test(i)) {
        want.add(String.format("F-%02d", i));
      }
    }
    Set<String> got = new HashSet<>();
    for (String sku : skus(all(query))) {
      if (sku.startsWith("F-")) {
        got.add(sku);
      }
    }
    assertEquals(want, got, query + " " + why);
  }

  private static void newest(String sku) {
    Reply page = api.get(FRAMES + "?sort=newest&limit=1", editor);
    assertEquals(sku, page.json().getJsonArray("items").getJsonObject(0).getString("sku"));
  }

  private static String fieldOrBody(Reply reply) {
    assertEquals(400, reply.status(), reply.raw().body());
    return "body";
  }

  private static Set<String> fields(Reply reply) {
    Set<String> fields = new HashSet<>();
    JsonArray errors = reply.json().getJsonArray("errors");
    assertNotNull(errors, reply.raw().body());
    for (JsonObject e : errors.getValuesAs(JsonObject.class)) {
      fields.add(e.getString("field"));
    }
    return fields;
  }

  private static void assertProblem(Reply reply) {
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    assertNotNull(reply.json().getString("request_id"));
    assertFalse(reply.raw().body().contains("Exception"));
  }

  private static String path(String location) {
    return java.net.URI.create(location).getPath();
  }

  private static void tenant(String slug) {
    api.createTenant(root, slug);
  }

  private static void user(String tenant, String username, String role) {
    Reply created =
        api.createUser(
            root, tenant, username, username + "@" + tenant + ".example", PASSWORD, List.of(role));
    assertEquals(201, created.status(), created.raw().body());
  }
}
