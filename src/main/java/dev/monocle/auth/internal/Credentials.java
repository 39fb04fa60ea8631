package dev.monocle.auth.internal;

import dev.monocle.auth.Caller;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns presented credentials into a {@link Caller}: an API key from {@code X-API-Key}, or an
 * access token already verified by MicroProfile JWT (signature, issuer, audience, expiry), which
 * must also name its key and belong to a session that is not revoked.
 */
@ApplicationScoped
public class Credentials {

  @Inject ApiKeyStore apiKeys;
  @Inject SessionStore sessions;
  @Inject AuthMetrics metrics;

  /** The caller, empty when no credentials were presented; a 401 for bad ones. */
  public Optional<Caller> authenticate(String apiKey, String authorization, Principal principal) {
    if (apiKey != null) {
      ApiKeyStore.VerifiedKey key =
          apiKeys.verify(apiKey.trim()).orElseThrow(() -> refuse("api_key_invalid"));
      return Optional.of(
          new Caller(
              Caller.Kind.SERVICE,
              key.id(),
              key.tenantId(),
              null,
              key.name(),
              Set.of(),
              key.scopes(),
              null,
              List.of()));
    }
    if (authorization == null) {
      return Optional.empty();
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || !(principal instanceof JsonWebToken jwt)
        || jwt.getRawToken() == null) {
      throw refuse("token_invalid");
    }
    if (!hasKeyId(jwt.getRawToken())) {
      throw refuse("token_without_kid");
    }
    String sessionId = jwt.getClaim("sid");
    if (sessionId == null || sessions.isRevoked(sessionId)) {
      throw refuse("session_revoked");
    }
    Set<Role> roles =
        Optional.ofNullable(jwt.getGroups()).orElse(Set.of()).stream()
            .map(Role::fromWire)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    return Optional.of(
        new Caller(
            Caller.Kind.USER,
            jwt.getSubject(),
            jwt.getClaim("tid"),
            jwt.getClaim("tenant"),
            jwt.getName(),
            roles,
            Set.<Scope>of(),
            sessionId,
            stringList(jwt.getClaim("amr"))));
  }

  private static List<String> stringList(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(v -> v.toString().replace("\"", "")).toList();
    }
    if (claim instanceof jakarta.json.JsonArray array) {
      return array.getValuesAs(jakarta.json.JsonString.class).stream()
          .map(jakarta.json.JsonString::getString)
          .toList();
    }
    return List.of();
  }

  private static boolean hasKeyId(String rawToken) {
    int dot = rawToken.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      String header =
          new String(
              Base64.getUrlDecoder().decode(rawToken.substring(0, dot)), StandardCharsets.UTF_8);
      return header.contains("\"kid\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** No credentials where they are needed. */
  public ProblemException missing() {
    return refuse("missing_credentials");
  }

  /** Credentials in a query string: refused (and never logged), whatever they are. */
  public ProblemException refuseQueryCredentials() {
    return refuse("credentials_in_query");
  }

  ProblemException refuse(String reason) {
    metrics.authenticationFailure(reason);
    return ProblemException.unauthorized();
  }
}
