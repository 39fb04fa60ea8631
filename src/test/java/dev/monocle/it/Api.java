package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monocle.auth.internal.Base32;
import dev.monocle.auth.internal.Totp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A typed client of Monocle's JSON API for black-box tests; it remembers every secret it saw. */
public final class Api {

  private final BlackBox http;

  /**
   * Every password, token, code and key the tests of this run used (all clients: the classes run in
   * order in one JVM), for the log, response and audit-trail scans.
   */
  public final List<String> secretsSeen = SECRETS;

  private static final List<String> SECRETS =
      java.util.Collections.synchronizedList(new ArrayList<>());

  /** The recovery codes of the last enrollment this client confirmed. */
  public List<String> lastRecoveryCodes = List.of();

  public Api(BlackBox http) {
    this.http = http;
  }

  public record Reply(int status, JsonObject json, HttpResponse<String> raw) {
    public String string(String field) {
      return json.getString(field);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Reply call(String method, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request = http.request(path).header("Accept", "application/json");
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, BodyPublishers.ofString(body instanceof String s ? s : toJson(body)));
    }
    HttpResponse<String> response = http.send(request.build());
    JsonObject json = JsonValue.EMPTY_JSON_OBJECT;
    String text = response.body();
    if (text != null && text.startsWith("{")) {
      json = Json.createReader(new StringReader(text)).readObject();
    }
    return new Reply(response.statusCode(), json, response);
  }

  public Reply post(String path, Object body) {
    return call("POST", path, body, Map.of());
  }

  public Reply post(String path, Object body, String token) {
    return call("POST", path, body, Map.of("Authorization", "Bearer " + token));
  }

  public Reply get(String path, String token) {
    return call(
        "GET", path, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  public Reply delete(String path, String token) {
    return call("DELETE", path, null, Map.of("Authorization", "Bearer " + token));
  }

  public Reply patch(String path, Object body, String token) {
    return call("PATCH", path, body, Map.of("Authorization", "Bearer " + token));
  }

  /** Creates a tenant as {@code admin} (a platform admin); returns its id. */
  public String createTenant(Session admin, String slug) {
    Reply created =
        post("/api/v1/admin/tenants", Map.of("slug", slug, "name", slug), admin.accessToken());
    assertEquals(201, created.status(), created.raw().body());
    return created.string("id");
  }

  /**
   * {@code POST /api/v1/admin/users} as {@code admin}; {@code tenant} null for the admin's own. The
   * password joins the secrets the scans look for.
   */
  public Reply createUser(
      Session admin,
      String tenant,
      String username,
      String email,
      String password,
      List<String> roles) {
    secretsSeen.add(password);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    if (tenant != null) {
      body.put("tenant", tenant);
    }
    body.put("username", username);
    body.put("email", email);
    body.put("password", password);
    body.put("roles", roles);
    return post("/api/v1/admin/users", body, admin.accessToken());
  }

  /** Password login; returns the reply (tokens, mfa_required or mfa_enrollment_required). */
  public Reply login(String tenant, String username, String password) {
    secretsSeen.add(password);
    Reply reply =
        post(
            "/api/v1/auth/login",
            Map.of("tenant", tenant, "username", username, "password", password));
    remember(reply);
    return reply;
  }

  /** A signed-in admin: enrolls TOTP when needed, else answers the MFA step. */
  public Session admin(String tenant, String username, String password, String[] totpSecret) {
    Reply first = login(tenant, username, password);
    assertEquals(200, first.status(), first.raw().body());
    Reply tokens;
    if (first.json().containsKey("mfa_enrollment_required")) {
      Reply enrollment =
          post("/api/v1/auth/mfa/enrollment", Map.of("mfa_token", first.string("mfa_token")));
      assertEquals(200, enrollment.status(), enrollment.raw().body());
      totpSecret[0] = enrollment.string("secret");
      secretsSeen.add(totpSecret[0]);
      tokens = confirmEnrollment(first.string("mfa_token"), totpSecret[0]);
    } else {
      tokens =
          post(
              "/api/v1/auth/mfa",
              Map.of("mfa_token", first.string("mfa_token"), "code", freshCode(totpSecret[0])));
    }
    assertEquals(200, tokens.status(), tokens.raw().body());
    remember(tokens);
    return new Session(
        tokens.string("access_token"), tokens.string("refresh_token"), tokens.string("session_id"));
  }

  public Reply confirmEnrollment(String mfaToken, String secret) {
    Reply reply =
        post(
            "/api/v1/auth/mfa/enrollment/confirm",
            Map.of("mfa_token", mfaToken, "code", freshCode(secret)));
    remember(reply);
    return reply;
  }

  /** A user without MFA: password login straight to tokens. */
  public Session user(String tenant, String username, String password) {
    Reply reply = login(tenant, username, password);
    assertEquals(200, reply.status(), reply.raw().body());
    return new Session(
        reply.string("access_token"), reply.string("refresh_token"), reply.string("session_id"));
  }

  /** The last time step used per TOTP secret, across the clients of this run. */
  private static final java.util.Map<String, Long> LAST_STEP = new java.util.HashMap<>();

  /**
   * A TOTP code for a time step this client has not used yet (codes are single-use), waiting for
   * the next 30 s step when needed.
   */
  public String freshCode(String secret) {
    long step;
    synchronized (LAST_STEP) {
      step = Totp.stepAt(Instant.now());
      Long last = LAST_STEP.getOrDefault(secret, -1L);
      while (step <= last) {
        sleep(1000);
        step = Totp.stepAt(Instant.now());
      }
      LAST_STEP.put(secret, step);
    }
    String code = Totp.standard().code(Base32.decode(secret), step);
    secretsSeen.add(code);
    return code;
  }

  /**
   * {@code POST /api/v1/admin/api-keys} as {@code adminToken} ({@code tenant} null for the admin's
   * own); the key is remembered among the secrets the scans look for, and returned.
   */
  public String createApiKey(String adminToken, String tenant, String name, List<String> scopes) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    if (tenant != null) {
      body.put("tenant", tenant);
    }
    body.put("name", name);
    body.put("scopes", scopes);
    Reply key = post("/api/v1/admin/api-keys", body, adminToken);
    assertEquals(201, key.status(), key.raw().body());
    remember(key);
    return key.string("key");
  }

  public void remember(Reply reply) {
    for (String field : List.of("access_token", "refresh_token", "mfa_token", "key", "secret")) {
      if (reply.json().containsKey(field)
          && reply.json().get(field).getValueType() == JsonValue.ValueType.STRING) {
        secretsSeen.add(reply.json().getString(field));
      }
    }
    if (reply.json().containsKey("recovery_codes")) {
      lastRecoveryCodes =
          reply
              .json()
              .getJsonArray("recovery_codes")
              .getValuesAs(jakarta.json.JsonString.class)
              .stream()
              .map(jakarta.json.JsonString::getString)
              .toList();
      secretsSeen.addAll(lastRecoveryCodes);
    }
  }

  public record Session(String accessToken, String refreshToken, String sessionId) {}

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Minimal JSON for request bodies: maps, lists, strings, numbers, booleans. */
  static String toJson(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      map.forEach(
          (k, v) ->
              out.append(out.length() > 1 ? "," : "")
                  .append(toJson(k.toString()))
                  .append(':')
                  .append(toJson(v)));
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(toJson(v)));
      return out.append(']').toString();
    }
    if (value instanceof String s) {
      return Json.createValue(s).toString();
    }
    return value.toString();
  }
}
