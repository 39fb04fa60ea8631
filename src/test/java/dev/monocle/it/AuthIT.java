package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.monocle.it.Api.Reply;
import dev.monocle.it.Api.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Auth as an attacker and as its users meet it, over HTTP against the real WAR: sign-in with MFA,
 * every kind of forged or misplaced token, refresh rotation and reuse, revocation on the next
 * request, lockout, tenant isolation, mass assignment, API key misuse, signing-key rotation, rate
 * limits, and no secret in the server log. One deployment; the tests build on each other in order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // first of the black-box classes: it enrolls the bootstrap admin (RootAdmin)
class AuthIT {

  private static final String ME = "/api/v1/auth/me";
  private static final String EDITOR_PASSWORD = "quiet lantern under copper rain";
  private static final String VIEWER_PASSWORD = "seven herons fold paper maps";
  private static final String ADA_PASSWORD = "orchid ledger tumbles at noon";

  /** What the server prints reaches this JVM's stdout through Arquillian; keep a copy. */
  private static final ServerOutput SERVER = ServerOutput.capture();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  private static Api api;
  private static final String[] ROOT_TOTP = RootAdmin.TOTP;
  private static final String[] ADA_TOTP = new String[1];
  private static Session root;
  private static String acmeId;
  private static String globexUserId;
  private static String editorId;

  @BeforeEach
  void client() {
    if (api == null) {
      api = new Api(new BlackBox(base));
    }
  }

  private static Session root() {
    if (root == null) {
      root = RootAdmin.signIn(api);
    }
    return root;
  }

  private static JsonObject part(String jwt, int index) {
    String json =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static void unauthorized(Reply reply) {
    assertEquals(401, reply.status(), reply.raw().body());
    assertTrue(
        reply
            .raw()
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), "WWW-Authenticate");
  }

  private static Reply me(String token) {
    return api.get(ME, token);
  }

  @Test
  @Order(1)
  void theBootstrapAdminMustEnrollTotpBeforeGettingAnyToken() {
    Reply first = api.login("platform", "root", TestDatabases.bootstrapPassword());
    assertEquals(200, first.status());
    assertTrue(first.json().getBoolean("mfa_enrollment_required"));
    assertFalse(first.json().containsKey("access_token"));
    unauthorized(me(first.string("mfa_token")));

    Reply enrollment =
        api.post("/api/v1/auth/mfa/enrollment", Map.of("mfa_token", first.string("mfa_token")));
    assertEquals(200, enrollment.status());
    assertTrue(enrollment.string("otpauth_uri").startsWith("otpauth://totp/"));
    assertTrue(enrollment.string("otpauth_uri").contains("secret=" + enrollment.string("secret")));
    byte[] png = Base64.getDecoder().decode(enrollment.string("qr_png_base64"));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    ROOT_TOTP[0] = enrollment.string("secret");
    api.secretsSeen.add(ROOT_TOTP[0]);
    assertEquals(32, ROOT_TOTP[0].length(), "160-bit secret in base32");

    Reply wrong =
        api.post(
            "/api/v1/auth/mfa/enrollment/confirm",
            Map.of("mfa_token", first.string("mfa_token"), "code", "12345"));
    assertEquals(400, wrong.status(), wrong.raw().body());

    Reply confirmed = api.confirmEnrollment(first.string("mfa_token"), ROOT_TOTP[0]);
    assertEquals(200, confirmed.status(), confirmed.raw().body());
    assertEquals(10, confirmed.json().getJsonArray("recovery_codes").size());
    String access = confirmed.string("access_token");
    root = new Session(access, confirmed.string("refresh_token"), confirmed.string("session_id"));

    JsonObject header = part(access, 0);
    assertEquals("ES256", header.getString("alg"));
    assertEquals("JWT", header.getString("typ"));
    assertNotNull(header.getString("kid"));
    JsonObject claims = part(access, 1);
    for (String claim :
        List.of("iss", "aud", "sub", "upn", "groups", "tid", "sid", "jti", "iat", "exp", "amr")) {
      assertTrue(claims.containsKey(claim), "claim " + claim);
    }
    assertEquals(
        900, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
    assertEquals(
        "monocle-api",
        claims.get("aud").toString().replace("\"", "").replace("[", "").replace("]", ""));
    assertEquals(
        List.of("pwd", "otp"),
        claims.getJsonArray("amr").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals(confirmed.string("session_id"), claims.getString("sid"));
    assertEquals(900, confirmed.json().getInt("expires_in"));
    assertEquals("Bearer", confirmed.string("token_type"));
    assertTrue(
        confirmed.json().getJsonNumber("refresh_expires_in").longValue() <= 12 * 3600,
        "admin: 12 h");

    String cookie = confirmed.header("Set-Cookie");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("Secure"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Path=/api/v1/auth"), cookie);

    Reply who = me(access);
    assertEquals(200, who.status());
    assertEquals("root", who.string("username"));
    assertTrue(who.json().getBoolean("mfa_enabled"));

    Reply jwks = api.get("/.well-known/jwks.json", null);
    assertTrue(jwks.raw().body().contains(header.getString("kid")));
    assertFalse(jwks.raw().body().contains("\"d\""), "no private key material");
  }

  @Test
  @Order(2)
  void totpCodesAreSingleUseAndRecoveryCodesWorkOnce() {
    List<String> recovery = api.lastRecoveryCodes;
    Reply first = api.login("platform", "root", TestDatabases.bootstrapPassword());
    assertTrue(first.json().getBoolean("mfa_required"));
    assertEquals(
        List.of("totp", "recovery_code"),
        first.json().getJsonArray("methods").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    Reply bad =
        api.post(
            "/api/v1/auth/mfa", Map.of("mfa_token", first.string("mfa_token"), "code", "000000"));
    unauthorized(bad);
    String code = api.freshCode(ROOT_TOTP[0]);
    Reply good =
        api.post("/api/v1/auth/mfa", Map.of("mfa_token", first.string("mfa_token"), "code", code));
    assertEquals(200, good.status(), good.raw().body());
    api.remember(good);
    Reply spent =
        api.post("/api/v1/auth/mfa", Map.of("mfa_token", first.string("mfa_token"), "code", code));
    unauthorized(spent);

    Reply again = api.login("platform", "root", TestDatabases.bootstrapPassword());
    Reply replay =
        api.post("/api/v1/auth/mfa", Map.of("mfa_token", again.string("mfa_token"), "code", code));
    unauthorized(replay);
    assertEquals("https://monocle.dev/problems/invalid-code", replay.string("type"));

    Reply byRecovery =
        api.post(
            "/api/v1/auth/mfa",
            Map.of("mfa_token", again.string("mfa_token"), "recovery_code", recovery.get(0)));
    assertEquals(200, byRecovery.status(), byRecovery.raw().body());
    api.remember(byRecovery);
    Reply third = api.login("platform", "root", TestDatabases.bootstrapPassword());
    unauthorized(
        api.post(
            "/api/v1/auth/mfa",
            Map.of("mfa_token", third.string("mfa_token"), "recovery_code", recovery.get(0))));
  }

  @Test
  @Order(3)
  void platformAdminsCreateTenantsAndUsers() {
    Reply acme =
        api.post(
            "/api/v1/admin/tenants",
            Map.of("slug", "acme", "name", "Acme Optics"),
            root().accessToken());
    assertEquals(201, acme.status(), acme.raw().body());
    assertTrue(acme.header("Location").endsWith("/api/v1/admin/tenants/" + acme.string("id")));
    assertNotNull(acme.header("ETag"));
    acmeId = acme.string("id");
    assertEquals(
        201,
        api.post(
                "/api/v1/admin/tenants",
                Map.of("slug", "globex", "name", "Globex"),
                root().accessToken())
            .status());
    assertEquals(
        409,
        api.post(
                "/api/v1/admin/tenants",
                Map.of("slug", "acme", "name", "Again"),
                root().accessToken())
            .status());
    Reply badSlug =
        api.post(
            "/api/v1/admin/tenants",
            Map.of("slug", "Not A Slug!", "name", "x"),
            root().accessToken());
    assertEquals(400, badSlug.status());
    assertEquals("slug", badSlug.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Reply ada = createUser(root(), "acme", "ada", ADA_PASSWORD, List.of("tenant_admin"));
    assertEquals(201, ada.status(), ada.raw().body());
    assertEquals(
        List.of("tenant_admin"),
        ada.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    Reply editor = createUser(root(), "acme", "eddie", EDITOR_PASSWORD, List.of("catalog_editor"));
    assertEquals(201, editor.status());
    editorId = editor.string("id");
    Reply viewer = createUser(root(), "globex", "vic", VIEWER_PASSWORD, List.of("viewer"));
    assertEquals(201, viewer.status());
    globexUserId = viewer.string("id");

    Reply weak = createUser(root(), "acme", "weakling", "password1234", List.of("viewer"));
    assertEquals(400, weak.status());
    assertEquals(
        "password", weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(
        400, createUser(root(), "acme", "shorty", "Tr0ub4dor&3", List.of("viewer")).status());
  }

  private static Reply createUser(
      Session admin, String tenant, String username, String password, List<String> roles) {
    String email = username + "@" + (tenant == null ? "own" : tenant) + ".example";
    return api.createUser(admin, tenant, username, email, password, roles);
  }

  @Test
  @Order(4)
  void tenantAdminsStayInTheirTenantAndCannotAssignWhatTheyDoNotOwn() {
    Session ada = api.admin("acme", "ada", ADA_PASSWORD, ADA_TOTP);
    Reply users = api.get("/api/v1/admin/users", ada.accessToken());
    assertEquals(200, users.status());
    users
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .forEach(u -> assertEquals(acmeId, u.getString("tenant_id")));
    assertTrue(users.json().containsKey("next_cursor"));

    assertEquals(404, api.get("/api/v1/admin/users/" + globexUserId, ada.accessToken()).status());
    assertEquals(
        404,
        api.patch(
                "/api/v1/admin/users/" + globexUserId, Map.of("disabled", true), ada.accessToken())
            .status());
    assertEquals(
        404,
        api.delete("/api/v1/admin/users/" + globexUserId + "/sessions", ada.accessToken())
            .status());
    assertEquals(
        404,
        api.delete("/api/v1/admin/users/" + globexUserId + "/mfa", ada.accessToken()).status());
    assertEquals(403, api.get("/api/v1/admin/tenants", ada.accessToken()).status());

    assertEquals(
        403,
        createUser(ada, "globex", "intruder", "granite falcon whistles twice", List.of("viewer"))
            .status());
    Reply escalate =
        createUser(
            ada, null, "climber", "granite falcon whistles twice", List.of("platform_admin"));
    assertEquals(403, escalate.status());
    Reply selfPromote =
        api.patch(
            "/api/v1/admin/users/" + editorId,
            Map.of("roles", List.of("platform_admin")),
            ada.accessToken());
    assertEquals(403, selfPromote.status());
    Reply massAssign =
        api.post(
            "/api/v1/admin/users",
            "{\"username\":\"mallory\",\"email\":\"m@acme.example\",\"password\":\"granite falcon whistles twice\",\"roles\":[],\"tenant_id\":\""
                + "x"
                + "\",\"id\":\"fixed\"}",
            ada.accessToken());
    assertEquals(400, massAssign.status());
    assertEquals("https://monocle.dev/problems/unknown-field", massAssign.string("type"));

    Reply report = api.get("/api/v1/admin/role-assignments", ada.accessToken());
    assertEquals(200, report.status());
    List<JsonObject> rows = report.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertFalse(rows.isEmpty());
    rows.forEach(r -> assertEquals("acme", r.getString("tenant")));
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.getString("role").equals("catalog_editor")
                        && r.containsKey("granted_by")
                        && r.containsKey("granted_at")));

    Reply user = api.get("/api/v1/admin/users/" + editorId, ada.accessToken());
    String etag = user.header("ETag");
    Reply stale =
        api.call(
            "PATCH",
            "/api/v1/admin/users/" + editorId,
            Map.of("email", "ed2@acme.example"),
            Map.of("Authorization", "Bearer " + ada.accessToken(), "If-Match", "\"999\""));
    assertEquals(412, stale.status());
    Reply fresh =
        api.call(
            "PATCH",
            "/api/v1/admin/users/" + editorId,
            Map.of("email", "ed2@acme.example"),
            Map.of("Authorization", "Bearer " + ada.accessToken(), "If-Match", etag));
    assertEquals(200, fresh.status(), fresh.raw().body());
  }

  @Test
  @Order(5)
  void usersWithoutTheRoleAreRefused() {
    Session vic = api.user("globex", "vic", VIEWER_PASSWORD);
    Reply denied = api.get("/api/v1/admin/users", vic.accessToken());
    assertEquals(403, denied.status());
    assertEquals("https://monocle.dev/problems/forbidden", denied.string("type"));
    assertEquals(
        403, api.post("/api/v1/admin/keys/signing/rotate", null, vic.accessToken()).status());
    assertTrue(part(vic.accessToken(), 1).get("amr").toString().contains("pwd"));
  }

  @Test
  @Order(6)
  void forgedMisplacedAndMalformedTokensAreRefused() throws Exception {
    Session vic = api.user("globex", "vic", VIEWER_PASSWORD);
    String[] parts = vic.accessToken().split("\\.");
    String kid = part(vic.accessToken(), 0).getString("kid");
    String payload = parts[1];

    for (String alg : List.of("none", "NONE", "None", "nOnE")) {
      String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
      unauthorized(me(header + "." + payload + "."));
    }

    String jwks = api.get("/.well-known/jwks.json", null).raw().body();
    unauthorized(
        me(
            signed(
                new MACSigner(padTo32(jwks.getBytes(StandardCharsets.UTF_8))),
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(kid),
                payload)));

    String promoted =
        b64(
            new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"platform_admin\""));
    unauthorized(me(parts[0] + "." + promoted + "." + parts[2]));

    // The classic confusion: HS256 keyed with the server's public key (PEM and DER).
    ECKey published = (ECKey) JWKSet.parse(jwks).getKeyByKeyId(kid);
    byte[] der = published.toECPublicKey().getEncoded();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";
    for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII))) {
      unauthorized(
          me(
              signed(
                  new MACSigner(padTo32(secret)),
                  new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(kid),
                  payload)));
    }

    ECKey attackerKey = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    ECDSASigner attacker = new ECDSASigner(attackerKey);
    unauthorized(
        me(
            signed(
                attacker,
                new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(kid),
                payload)));
    unauthorized(
        me(
            signed(
                attacker,
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(JOSEObjectType.JWT)
                    .keyID("unknown-kid"),
                payload)));
    unauthorized(
        me(
            signed(
                attacker,
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(JOSEObjectType.JWT)
                    .keyID(kid)
                    .jwk(attackerKey.toPublicJWK()),
                payload)));
    unauthorized(
        me(
            signed(
                attacker,
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(JOSEObjectType.JWT)
                    .keyID(kid)
                    .jwkURL(URI.create("http://127.0.0.1:9/jwks.json")),
                payload)));
    // Another algorithm than the one configured, even well signed, is refused.
    RSAKey rsaAttacker = new RSAKeyGenerator(2048).keyID(kid).generate();
    unauthorized(
        me(
            signed(
                new RSASSASigner(rsaAttacker),
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid),
                payload)));
    // ECDSA's "psychic signature" (r = s = 0, CVE-2022-21449) under the genuine header.
    unauthorized(me(parts[0] + "." + payload + "." + b64url(new byte[64])));

    Reply mfaFirst = api.login("platform", "root", TestDatabases.bootstrapPassword());
    unauthorized(me(mfaFirst.string("mfa_token")));
    unauthorized(me(vic.refreshToken()));
    unauthorized(me("not.a.token"));
    unauthorized(me(""));
    unauthorized(
        api.call(
            "GET", ME, null, Map.of("Authorization", "Basic " + b64("vic:" + VIEWER_PASSWORD))));
    unauthorized(api.get(ME + "?access_token=" + vic.accessToken(), null));
    unauthorized(api.get("/api/v1/admin/users?access_token=" + root().accessToken(), null));
    unauthorized(api.get(ME, null));

    assertEquals(200, me(vic.accessToken()).status(), "the genuine token still works");
  }

  /** The payload of a genuine token under another header and signature. */
  private static String signed(JWSSigner signer, JWSHeader.Builder header, String payload)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            header.build(),
            JWTClaimsSet.parse(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)));
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static byte[] padTo32(byte[] secret) {
    return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
  }

  private static String b64(String text) {
    return b64url(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  @Order(7)
  void refreshRotatesAndAReusedTokenRevokesTheWholeSessionIncludingTheNewerToken() {
    Session vic = api.user("globex", "vic", VIEWER_PASSWORD);
    Reply rotated = api.post("/api/v1/auth/refresh", Map.of("refresh_token", vic.refreshToken()));
    assertEquals(200, rotated.status(), rotated.raw().body());
    api.remember(rotated);
    assertNotEquals(vic.refreshToken(), rotated.string("refresh_token"));
    assertEquals(vic.sessionId(), rotated.string("session_id"));
    assertEquals(200, me(rotated.string("access_token")).status());

    Reply reuse = api.post("/api/v1/auth/refresh", Map.of("refresh_token", vic.refreshToken()));
    assertEquals(401, reuse.status());
    assertEquals("https://monocle.dev/problems/invalid-grant", reuse.string("type"));
    Reply newer =
        api.post("/api/v1/auth/refresh", Map.of("refresh_token", rotated.string("refresh_token")));
    assertEquals(401, newer.status(), "the newer refresh token dies with its session");
    unauthorized(me(rotated.string("access_token")));
    unauthorized(me(vic.accessToken()));

    assertEquals(
        401, api.post("/api/v1/auth/refresh", Map.of("refresh_token", "never-issued")).status());
    assertEquals(401, api.post("/api/v1/auth/refresh", Map.of()).status());

    Session byCookie = api.user("globex", "vic", VIEWER_PASSWORD);
    Reply viaCookie =
        api.call(
            "POST",
            "/api/v1/auth/refresh",
            null,
            Map.of("Cookie", "monocle_refresh=" + byCookie.refreshToken()));
    assertEquals(200, viaCookie.status(), viaCookie.raw().body());
    api.remember(viaCookie);
  }

  @Test
  @Order(8)
  void twoConcurrentRefreshesWithTheSameTokenAtMostOneSucceeds() throws Exception {
    for (int round = 0; round < 3; round++) {
      Session vic = api.user("globex", "vic", VIEWER_PASSWORD);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          racers.add(
              () ->
                  api.post("/api/v1/auth/refresh", Map.of("refresh_token", vic.refreshToken()))
                      .status());
        }
        int ok = 0;
        for (Future<Integer> f : pool.invokeAll(racers)) {
          ok += f.get() == 200 ? 1 : 0;
        }
        assertTrue(ok <= 1, "successful concurrent refreshes: " + ok);
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  @Order(9)
  void revocationTakesEffectOnTheNextRequest() {
    Session one = api.user("acme", "eddie", EDITOR_PASSWORD);
    assertEquals(204, api.post("/api/v1/auth/logout", null, one.accessToken()).status());
    unauthorized(me(one.accessToken()));
    assertEquals(
        401,
        api.post("/api/v1/auth/refresh", Map.of("refresh_token", one.refreshToken())).status());

    Session two = api.user("acme", "eddie", EDITOR_PASSWORD);
    assertEquals(
        204,
        api.delete("/api/v1/admin/users/" + editorId + "/sessions", root().accessToken()).status());
    unauthorized(me(two.accessToken()));

    Session kept = api.user("acme", "eddie", EDITOR_PASSWORD);
    Session other = api.user("acme", "eddie", EDITOR_PASSWORD);
    Reply sessions = api.get("/api/v1/auth/sessions", kept.accessToken());
    assertTrue(sessions.json().getJsonArray("items").size() >= 2);
    String newPassword = "amber tides lift quiet boats";
    api.secretsSeen.add(newPassword);
    Reply changed =
        api.post(
            "/api/v1/auth/password",
            Map.of("current_password", EDITOR_PASSWORD, "new_password", newPassword),
            kept.accessToken());
    assertEquals(204, changed.status(), changed.raw().body());
    unauthorized(me(other.accessToken()));
    assertEquals(200, me(kept.accessToken()).status());
    Reply back =
        api.post(
            "/api/v1/auth/password",
            Map.of("current_password", newPassword, "new_password", EDITOR_PASSWORD),
            kept.accessToken());
    assertEquals(204, back.status());

    Session beforeRoleChange = api.user("acme", "eddie", EDITOR_PASSWORD);
    assertEquals(
        200,
        api.patch(
                "/api/v1/admin/users/" + editorId,
                Map.of("roles", List.of("catalog_editor", "translator")),
                root().accessToken())
            .status());
    unauthorized(me(beforeRoleChange.accessToken()));
    assertEquals(
        401,
        api.post("/api/v1/auth/refresh", Map.of("refresh_token", beforeRoleChange.refreshToken()))
            .status(),
        "a role change ends the session: its refresh token too");

    Session beforeDisable = api.user("acme", "eddie", EDITOR_PASSWORD);
    assertEquals(
        200,
        api.patch("/api/v1/admin/users/" + editorId, Map.of("disabled", true), root().accessToken())
            .status());
    unauthorized(me(beforeDisable.accessToken()));
    assertEquals(
        401,
        api.post("/api/v1/auth/refresh", Map.of("refresh_token", beforeDisable.refreshToken()))
            .status());
    assertEquals(401, api.login("acme", "eddie", EDITOR_PASSWORD).status());
    assertEquals(
        200,
        api.patch(
                "/api/v1/admin/users/" + editorId, Map.of("disabled", false), root().accessToken())
            .status());
    assertEquals(200, api.login("acme", "eddie", EDITOR_PASSWORD).status());
  }

  @Test
  @Order(10)
  void everySignInFailureLooksTheSameAndAccountsLockAfterFiveFailures() {
    Reply created =
        createUser(root(), "acme", "lou", "marble comet drifts slowly", List.of("viewer"));
    assertEquals(201, created.status());
    Reply unknownUser = api.login("acme", "nobody", "whatever password here");
    Reply unknownTenant = api.login("no-such-tenant", "lou", "whatever password here");
    Reply wrongPassword = api.login("acme", "lou", "wrong password entirely");
    for (int i = 0; i < 5; i++) {
      api.login("acme", "lou", "wrong password again " + i);
    }
    Reply lockedWithRightPassword = api.login("acme", "lou", "marble comet drifts slowly");
    assertEquals(
        200,
        api.patch(
                "/api/v1/admin/users/" + globexUserId,
                Map.of("disabled", true),
                root().accessToken())
            .status());
    Reply disabled = api.login("globex", "vic", VIEWER_PASSWORD);
    for (Reply r :
        List.of(unknownUser, unknownTenant, wrongPassword, lockedWithRightPassword, disabled)) {
      assertEquals(401, r.status(), r.raw().body());
      assertEquals(sansIds(unknownUser.json()), sansIds(r.json()), "same body for every failure");
    }
    assertEquals(
        200,
        api.patch(
                "/api/v1/admin/users/" + globexUserId,
                Map.of("disabled", false),
                root().accessToken())
            .status());
  }

  private static Map<String, Object> sansIds(JsonObject problem) {
    return Map.of(
        "type",
        problem.getString("type"),
        "title",
        problem.getString("title"),
        "detail",
        problem.getString("detail"),
        "status",
        problem.getInt("status"),
        "keys",
        problem.keySet());
  }

  @Test
  @Order(11)
  void apiKeysAreShownOnceHashedScopedAndNeverReachUserOrAdminEndpoints() {
    Session ada = api.admin("acme", "ada", ADA_PASSWORD, ADA_TOTP);
    Reply created =
        api.post(
            "/api/v1/admin/api-keys",
            Map.of("name", "catalog sync", "scopes", List.of("catalog:read")),
            ada.accessToken());
    assertEquals(201, created.status(), created.raw().body());
    api.remember(created);
    String key = created.string("key");
    assertTrue(key.matches("mk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}"), key);
    assertTrue(key.startsWith("mk_" + created.string("prefix") + "_"));
    assertTrue(created.json().containsKey("expires_at"));
    Reply list = api.get("/api/v1/admin/api-keys", ada.accessToken());
    assertFalse(list.raw().body().contains(key.substring(16)), "the secret is never shown again");
    assertEquals(
        400,
        api.post(
                "/api/v1/admin/api-keys",
                Map.of("name", "bad", "scopes", List.of("everything")),
                ada.accessToken())
            .status());

    Reply valid = api.call("GET", ME, null, Map.of("X-API-Key", key));
    assertEquals(
        403, valid.status(), "a valid key is authenticated but refused on a user endpoint");
    assertEquals(
        403, api.call("GET", "/api/v1/admin/users", null, Map.of("X-API-Key", key)).status());
    unauthorized(api.call("GET", ME + "?api_key=" + key, null, Map.of()));
    unauthorized(
        api.call("GET", ME, null, Map.of("X-API-Key", key.substring(0, key.length() - 2) + "xx")));
    unauthorized(
        api.call("GET", ME, null, Map.of("X-API-Key", "mk_aaaaaaaaaaaa_" + "a".repeat(43))));
    unauthorized(api.call("GET", ME, null, Map.of("X-API-Key", "Bearer " + key)));

    Reply rotated =
        api.post(
            "/api/v1/admin/api-keys/" + created.string("id") + "/rotate", null, ada.accessToken());
    assertEquals(201, rotated.status(), rotated.raw().body());
    api.remember(rotated);
    assertNotEquals(key, rotated.string("key"));
    assertNotNull(rotated.string("previous_key_expires_at"));
    assertEquals(
        403,
        api.call("GET", ME, null, Map.of("X-API-Key", key)).status(),
        "old key works during the grace period");
    assertEquals(
        403, api.call("GET", ME, null, Map.of("X-API-Key", rotated.string("key"))).status());

    assertEquals(
        204,
        api.delete("/api/v1/admin/api-keys/" + rotated.string("id"), ada.accessToken()).status());
    unauthorized(api.call("GET", ME, null, Map.of("X-API-Key", rotated.string("key"))));

    Session vic = api.user("globex", "vic", VIEWER_PASSWORD);
    assertEquals(
        403,
        api.delete("/api/v1/admin/api-keys/" + created.string("id"), vic.accessToken()).status());
    Reply globexKey =
        api.post(
            "/api/v1/admin/api-keys",
            Map.of("tenant", "globex", "name", "g", "scopes", List.of("translate")),
            root().accessToken());
    assertEquals(201, globexKey.status(), globexKey.raw().body());
    api.remember(globexKey);
    assertEquals(
        404,
        api.delete("/api/v1/admin/api-keys/" + globexKey.string("id"), ada.accessToken()).status());
  }

  @Test
  @Order(12)
  void signingKeysRotateWithoutRestartAndOldTokensStayValid() {
    Session vic = api.user("globex", "vic", VIEWER_PASSWORD);
    String oldKid = part(vic.accessToken(), 0).getString("kid");
    Reply rotated = api.post("/api/v1/admin/keys/signing/rotate", null, root().accessToken());
    assertEquals(200, rotated.status(), rotated.raw().body());
    String newKid = rotated.string("kid");
    assertTrue(
        api.get("/.well-known/jwks.json", null).raw().body().contains(newKid), "published at once");
    Reply keys = api.get("/api/v1/admin/keys", root().accessToken());
    assertTrue(keys.raw().body().contains(newKid));
    assertFalse(keys.raw().body().contains("\"d\""));

    String signedAfter = null;
    for (int i = 0; i < 90 && signedAfter == null; i++) {
      Session fresh = api.user("globex", "vic", VIEWER_PASSWORD);
      if (part(fresh.accessToken(), 0).getString("kid").equals(newKid)) {
        signedAfter = fresh.accessToken();
      } else {
        Api.sleep(1000);
      }
    }
    assertNotNull(signedAfter, "the new key signs after its publish delay");
    assertEquals(200, me(signedAfter).status(), "tokens of the new key verify");
    assertEquals(200, me(vic.accessToken()).status(), "tokens of the previous key stay valid");
    assertTrue(api.get("/.well-known/jwks.json", null).raw().body().contains(oldKid));
  }

  @Test
  @Order(13)
  void rolesInThePlatformTenantAreNotPlatformWideAndPlatformAdminsAreProtected() {
    String patPassword = "harbor kites drift over slate";
    assertEquals(
        201, createUser(root(), "platform", "pat", patPassword, List.of("tenant_admin")).status());
    String[] patTotp = new String[1];
    Session pat = api.admin("platform", "pat", patPassword, patTotp);
    assertEquals(404, api.get("/api/v1/admin/users/" + editorId, pat.accessToken()).status());
    Reply platformUsers = api.get("/api/v1/admin/users", pat.accessToken());
    platformUsers
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .forEach(u -> assertEquals("platform", u.getString("tenant")));
    String rootId = me(root().accessToken()).string("user_id");
    assertEquals(
        403, api.delete("/api/v1/admin/users/" + rootId + "/mfa", pat.accessToken()).status());
    assertEquals(
        403,
        api.patch("/api/v1/admin/users/" + rootId, Map.of("disabled", true), pat.accessToken())
            .status());
    assertEquals(200, me(root().accessToken()).status(), "root untouched");
  }

  @Test
  @Order(14)
  void anOlderEnrollmentTokenCannotReplaceMfaOnceEnrolled() {
    String password = "copper wind sorts old letters";
    assertEquals(
        201, createUser(root(), "acme", "newadmin", password, List.of("tenant_admin")).status());
    Reply first = api.login("acme", "newadmin", password);
    Reply second = api.login("acme", "newadmin", password);
    Reply enrollment =
        api.post("/api/v1/auth/mfa/enrollment", Map.of("mfa_token", first.string("mfa_token")));
    api.remember(enrollment);
    assertEquals(
        200,
        api.confirmEnrollment(first.string("mfa_token"), enrollment.string("secret")).status());
    Reply hijack =
        api.post("/api/v1/auth/mfa/enrollment", Map.of("mfa_token", second.string("mfa_token")));
    assertEquals(401, hijack.status(), hijack.raw().body());
  }

  @Test
  @Order(15)
  void hostilePathsAreRefusedNotCrashedAndTheTrailKeepsWorking() {
    Session vic = api.user("globex", "vic", VIEWER_PASSWORD);
    Reply denied = api.get("/api/v1/admin/users/" + "x".repeat(300), vic.accessToken());
    assertEquals(403, denied.status(), denied.raw().body());
    Reply own = api.delete("/api/v1/auth/sessions/" + "y".repeat(300), vic.accessToken());
    assertEquals(404, own.status(), own.raw().body());
    assertEquals(200, me(vic.accessToken()).status());
  }

  @Test
  @Order(16)
  void apiKeysOfASuspendedTenantStopWorking() {
    Reply initech =
        api.post(
            "/api/v1/admin/tenants",
            Map.of("slug", "initech", "name", "Initech"),
            root().accessToken());
    assertEquals(201, initech.status());
    Reply key =
        api.post(
            "/api/v1/admin/api-keys",
            Map.of("tenant", "initech", "name", "k", "scopes", List.of("catalog:read")),
            root().accessToken());
    assertEquals(201, key.status(), key.raw().body());
    api.remember(key);
    assertEquals(initech.string("id"), key.string("tenant_id"));
    assertEquals(
        403,
        api.call("GET", ME, null, Map.of("X-API-Key", key.string("key"))).status(),
        "authenticated");
    String milton = "red stapler basement quietly hums";
    assertEquals(
        201,
        api.createUser(
                root(), "initech", "milton", "milton@initech.example", milton, List.of("viewer"))
            .status());
    Session signedIn = api.user("initech", "milton", milton);
    Reply suspended =
        api.patch(
            "/api/v1/admin/tenants/" + initech.string("id"),
            Map.of("status", "suspended"),
            root().accessToken());
    assertEquals(200, suspended.status(), suspended.raw().body());
    unauthorized(api.call("GET", ME, null, Map.of("X-API-Key", key.string("key"))));
    Reply refreshed =
        api.post("/api/v1/auth/refresh", Map.of("refresh_token", signedIn.refreshToken()));
    assertEquals(401, refreshed.status(), "a suspended tenant's sessions get no new tokens");
    assertEquals("https://monocle.dev/problems/invalid-grant", refreshed.string("type"));
  }

  @Test
  @Order(20)
  void loginsFromOneAddressAreThrottledWithTheContractHeaders() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Reply>> attempts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String password = "not the password " + i;
        attempts.add(() -> api.login("acme", "nobody", password));
      }
      Reply throttled = null;
      for (Future<Reply> f : pool.invokeAll(attempts)) {
        if (f.get().status() == 429) {
          throttled = f.get();
        }
      }
      assertNotNull(throttled, "no 429 after 200 logins from one address");
      assertNotNull(throttled.header("Retry-After"));
      assertNotNull(throttled.header("RateLimit-Limit"));
      assertEquals("0", throttled.header("RateLimit-Remaining"));
      assertNotNull(throttled.header("RateLimit-Reset"));
      assertEquals("https://monocle.dev/problems/rate-limited", throttled.string("type"));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  @Order(30)
  void noSecretReachedTheServerLog() {
    String log = SERVER.text();
    assertTrue(
        log.contains("Bootstrap platform admin 'root' created"), "captured the server's output");
    List<String> leaked =
        api.secretsSeen.stream()
            .filter(s -> s != null && s.length() >= 6)
            .distinct()
            .filter(s -> leakedInto(log, s))
            .map(s -> s.substring(0, 6) + "…")
            .toList();
    assertEquals(List.of(), leaked, "secrets found in the server output");
  }

  /**
   * Whether {@code secret} is in the log. A secret of digits only (a TOTP code) counts only as a
   * number of its own: Payara prints certificate moduli hundreds of digits long, in which any six
   * digits turn up sooner or later.
   */
  private static boolean leakedInto(String log, String secret) {
    if (!secret.chars().allMatch(Character::isDigit)) {
      return log.contains(secret);
    }
    return java.util.regex.Pattern.compile("(?<![0-9])" + secret + "(?![0-9])").matcher(log).find();
  }
}
