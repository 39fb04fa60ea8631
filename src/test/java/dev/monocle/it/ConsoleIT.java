package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.it.Api.Reply;
import dev.monocle.it.Api.Session;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The admin console in a real headless Chromium, as administrators and attackers use it: TOTP
 * enrollment at first sign-in, password and code, a whole admin flow, every page (screenshots under
 * {@code target/console-screens}), stored markup rendered inert, forms without their CSRF token
 * refused, an auditor kept out of user management even by URL, and sessions ending by revocation
 * and by idling. The console runs on the same services as the API, which the black-box classes test
 * on both databases; this class runs once, on H2, to keep the build inside its time budget.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "MONOCLE_TEST_DATABASE", matches = "h2")
@Order(7)
class ConsoleIT {

  private static final String PASSWORD = "quiet lanterns drift over copper fields";
  private static final String COOKIE = "__Host-monocle_console";
  private static final String SCRIPT_NAME = "<script>window.__xss=1</script>Aria";
  private static final String SVG_EMAIL = "\"><svg/onload=window.__xss=2>@evil.example";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  private static Api api;
  private static Session root;
  private static Browser browser;
  private static final String[] ADMIN_TOTP = new String[1];
  private static final String[] AUDITOR_TOTP = new String[1];
  private static String auditorId;
  private static String malloryId;
  private static String frameId;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeEach
  void setUp() {
    if (api == null) {
      api = new Api(new BlackBox(base));
      root = RootAdmin.signIn(api);
      created(
          api.createUser(
              root, null, "ada", "ada@monocle.example", PASSWORD, List.of("platform_admin")));
      auditorId =
          created(
              api.createUser(
                  root, null, "audrey", "audrey@monocle.example", PASSWORD, List.of("auditor")));
      malloryId =
          created(api.createUser(root, null, "mallory", SVG_EMAIL, PASSWORD, List.of("viewer")));
      Reply frame = api.post("/api/v1/catalog/frames", hostileFrame(), root.accessToken());
      assertEquals(201, frame.status(), frame.raw().body());
      frameId = frame.string("id");
      browser = new Browser(base.toString());
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void anAdminWithoutMfaEnrollsWithTheQrCodeAtFirstSignIn() {
    browser.open("/admin/users");
    assertEquals("/admin/sign-in", browser.path(), "pages need a signed-in session");
    browser.screenshot("01-sign-in");
    password("platform", "ada", PASSWORD);
    assertEquals("/admin/sign-in/enroll", browser.path());
    assertTrue(browser.find("img#qr").getAttribute("src").startsWith("data:image/png;base64,"));
    ADMIN_TOTP[0] = browser.find("#totp-secret").getText().trim();
    browser.screenshot("02-enroll");
    browser.type("#code", api.freshCode(ADMIN_TOTP[0]));
    browser.click("#confirm");
    assertEquals("Dashboard", browser.heading());
    assertEquals(10, browser.driver().findElements(By.cssSelector("#flash li")).size());
    browser.screenshot("03-dashboard-recovery-codes");
  }

  @Test
  @Order(2)
  void anAdminSignsInWithPasswordAndCodeIntoAStrictSessionCookie() {
    browser.click(".who button");
    assertTrue(browser.path().startsWith("/admin/sign-in"));
    password("platform", "ada", PASSWORD);
    assertEquals("/admin/sign-in/code", browser.path());
    browser.screenshot("04-code");
    browser.type("#code", api.freshCode(ADMIN_TOTP[0]));
    browser.click("#verify");
    assertEquals("Dashboard", browser.heading());
    for (String panel : List.of("#health", "#attacks", "#chain", "#pool")) {
      assertTrue(browser.has(panel), panel);
    }
    Cookie cookie = browser.driver().manage().getCookieNamed(COOKIE);
    assertNotNull(cookie);
    assertTrue(cookie.isHttpOnly());
    assertTrue(cookie.isSecure());
    assertEquals("Strict", cookie.getSameSite());
    browser.screenshot("05-dashboard");
  }

  @Test
  @Order(3)
  void anAdminCreatesAUserAssignsARoleIssuesAnApiKeyRevokesSessionsAndVerifiesTheChain() {
    browser.open("/admin/users");
    assertEquals("Users", browser.heading());
    browser.type("#username", "console-made");
    browser.type("#email", "console-made@monocle.example");
    browser.type("#password", PASSWORD);
    browser.find("input[name=roles][value=viewer]").click();
    browser.click("#create");
    assertTrue(browser.path().startsWith("/admin/users/"), browser.path());
    assertTrue(browser.text().contains("console-made"));
    browser.find("input[name=roles][value=catalog_editor]").click();
    browser.click("#save-roles");
    assertTrue(browser.text().contains("catalog_editor"), browser.text());
    browser.screenshot("07-user");
    Session made = api.user("platform", "console-made", PASSWORD);
    assertEquals(200, api.get("/api/v1/auth/me", made.accessToken()).status());
    browser.click("#revoke-sessions");
    assertEquals(401, api.get("/api/v1/auth/me", made.accessToken()).status());
    browser.open("/admin/users");
    browser.screenshot("06-users");

    browser.open("/admin/api-keys");
    browser.type("#name", "console key");
    browser.find("input[name=scopes][value='catalog:read']").click();
    browser.click("#create");
    String key = browser.find("#secret").getText().trim();
    assertTrue(key.startsWith("mk_"), key);
    browser.screenshot("08-api-key-once");
    assertEquals(
        200, api.call("GET", "/api/v1/catalog/frames", null, Map.of("X-API-Key", key)).status());
    browser.open("/admin/api-keys");
    assertFalse(browser.text().contains(key), "a key is shown once");
    assertFalse(browser.has("#secret"));

    browser.open("/admin/audit");
    browser.click("#verify");
    assertTrue(
        browser.find("#flash").getText().contains("intact"), browser.find("#flash").getText());
    assertTrue(browser.text().contains("apikey.created"), "the console's changes are audited");
    browser.screenshot("09-audit");
  }

  @Test
  @Order(4)
  void everyPageOpensForAPlatformAdmin() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/admin/tenants", "10-tenants");
    pages.put("/admin/role-review", "11-role-review");
    pages.put("/admin/sessions", "12-sessions");
    pages.put("/admin/decoders", "13-decoders");
    pages.put("/admin/frames", "14-frames");
    pages.put("/admin/frames/" + frameId, "15-frame");
    pages.put("/admin/customers", "16-customers");
    pages.put("/admin/keys", "17-keys-retention");
    for (var page : pages.entrySet()) {
      browser.open(page.getKey());
      assertEquals(page.getKey(), browser.path());
      assertFalse(browser.heading().isBlank());
      assertFalse(browser.text().contains("Exception"), page.getKey());
      browser.screenshot(page.getValue());
    }
  }

  @Test
  @Order(5)
  void storedMarkupInAFrameNameAndAUserEmailIsShownAsText() {
    browser.open("/admin/frames");
    assertTrue(browser.text().contains(SCRIPT_NAME), "shown as text");
    browser.open("/admin/frames/" + frameId);
    assertEquals(SCRIPT_NAME, browser.find("#name").getAttribute("value"));
    assertNull(browser.driver().executeScript("return window.__xss;"));
    browser.open("/admin/users/" + malloryId);
    assertTrue(browser.text().contains("<svg/onload=window.__xss=2>"), browser.text());
    assertTrue(browser.driver().findElements(By.tagName("svg")).isEmpty());
    assertNull(browser.driver().executeScript("return window.__xss;"));
    browser.screenshot("18-inert-markup");
  }

  @Test
  @Order(6)
  void aPostWithoutItsSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    String adminCookie = browser.driver().manage().getCookieNamed(COOKIE).getValue();
    Map<String, String> form =
        Map.of(
            "username", "csrf-victim",
            "email", "csrf-victim@monocle.example",
            "password", PASSWORD,
            "roles", "platform_admin");
    HttpResponse<String> without = postForm("/admin/users", adminCookie, form);
    assertEquals(403, without.statusCode());
    assertTrue(without.body().contains("Form refused"), without.body());

    HttpResponse<String> other = get("/admin/sign-in", null);
    String otherCookie = sessionCookie(other);
    String otherToken = csrf(other.body());
    Map<String, String> withOthers = new LinkedHashMap<>(form);
    withOthers.put("csrf", otherToken);
    assertEquals(403, postForm("/admin/users", adminCookie, withOthers).statusCode());
    HttpResponse<String> signedOut = postForm("/admin/users", otherCookie, withOthers);
    assertEquals(302, signedOut.statusCode(), "its own token, but no one signed in");
    assertTrue(signedOut.headers().firstValue("Location").orElseThrow().endsWith("/admin/sign-in"));

    assertEquals(401, api.login("platform", "csrf-victim", PASSWORD).status(), "not created");
  }

  @Test
  @Order(7)
  void anIdleSessionEnds() throws Exception {
    browser.open("/admin/dashboard");
    assertEquals("Dashboard", browser.heading());
    Thread.sleep(Duration.ofSeconds(24).toMillis()); // the tests' idle limit is 20 s
    browser.open("/admin/dashboard");
    assertTrue(browser.path().startsWith("/admin/sign-in"), browser.path());
  }

  @Test
  @Order(8)
  void anAuditorEnrollsSignsInWithARecoveryCodeAndCannotReachUserManagement() throws Exception {
    password("platform", "audrey", PASSWORD);
    assertEquals("/admin/sign-in/enroll", browser.path(), "the console asks everyone for MFA");
    AUDITOR_TOTP[0] = browser.find("#totp-secret").getText().trim();
    browser.type("#code", api.freshCode(AUDITOR_TOTP[0]));
    browser.click("#confirm");
    List<String> codes =
        browser.driver().findElements(By.cssSelector("#flash li")).stream()
            .map(e -> e.getText().trim())
            .toList();
    assertEquals(10, codes.size());
    password("platform", "audrey", PASSWORD);
    browser.type("#recovery_code", codes.get(0));
    browser.click("#use-recovery");
    assertEquals("Dashboard", browser.heading());
    assertFalse(browser.has("nav a[href='/admin/users']"), "no link");
    assertTrue(browser.has("nav a[href='/admin/audit']"));

    browser.open("/admin/users");
    assertEquals("Not allowed", browser.heading());
    browser.screenshot("19-auditor-refused");
    String cookie = browser.driver().manage().getCookieNamed(COOKIE).getValue();
    assertEquals(403, get("/admin/users", cookie).statusCode(), "even by URL");
    String token = csrf(get("/admin/audit", cookie).body());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", token);
    form.put("action", "revoke-sessions");
    assertEquals(403, postForm("/admin/users/" + auditorId, cookie, form).statusCode());
    assertEquals(403, get("/admin/api-keys", cookie).statusCode());
    assertEquals(200, get("/admin/audit", cookie).statusCode());
  }

  @Test
  @Order(9)
  void revokingTheAuthSessionEndsTheConsoleSession() {
    browser.open("/admin/dashboard");
    assertEquals("Dashboard", browser.heading());
    assertEquals(
        204,
        api.delete("/api/v1/admin/users/" + auditorId + "/sessions", root.accessToken()).status());
    browser.open("/admin/audit");
    assertEquals("/admin/sign-in?ended", browser.path());
    assertTrue(browser.has("#ended"));
    browser.screenshot("20-session-ended");
  }

  private static void password(String tenant, String username, String password) {
    browser.open("/admin/sign-in");
    browser.type("#tenant", tenant);
    browser.type("#username", username);
    browser.type("#password", password);
    browser.click("#sign-in");
  }

  private static String created(Reply reply) {
    assertEquals(201, reply.status(), reply.raw().body());
    return reply.string("id");
  }

  private static Map<String, Object> hostileFrame() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("sku", "XSS-1");
    f.put("name", SCRIPT_NAME);
    f.put("brand", "\"><svg onload=window.__xss=3>");
    f.put("frame_type", "prescription");
    f.put("shape", "round");
    f.put("material", "acetate");
    f.put(
        "measurements",
        Map.of(
            "lens_width_mm",
            50,
            "lens_height_mm",
            40,
            "bridge_width_mm",
            20,
            "temple_length_mm",
            145,
            "frame_width_mm",
            136,
            "weight_g",
            20));
    f.put("price", Map.of("amount", new java.math.BigDecimal("99.00"), "currency", "EUR"));
    return f;
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (cookie != null) {
      request.header("Cookie", COOKIE + "=" + cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String cookie, Map<String, String> form)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .header("Cookie", COOKIE + "=" + cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }

  private static String sessionCookie(HttpResponse<String> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      if (header.startsWith(COOKIE + "=")) {
        return header.substring(COOKIE.length() + 1, header.indexOf(';'));
      }
    }
    throw new AssertionError("no session cookie in " + response.headers());
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertTrue(m.find(), "no CSRF token in the page");
    return m.group(1);
  }
}
