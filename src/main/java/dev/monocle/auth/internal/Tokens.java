package dev.monocle.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.monocle.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues Monocle's JWTs: access tokens ({@code aud monocle-api}, 900 s, verified by MicroProfile
 * JWT) and MFA tokens ({@code aud monocle-mfa}, 300 s, verified here, never accepted as bearer).
 */
@ApplicationScoped
public class Tokens {

  static final long ACCESS_SECONDS = 900;
  static final long MFA_SECONDS = 300;
  static final String ACCESS_AUDIENCE = "monocle-api";
  static final String MFA_AUDIENCE = "monocle-mfa";
  private static final long SKEW_SECONDS = 60;

  @Inject SigningKeys keys;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "monocle")
  String issuer;

  /** What an access token says about its holder. */
  record AccessClaims(
      String userId,
      String username,
      String tenantId,
      String tenantSlug,
      List<String> roles,
      String sessionId,
      List<String> amr) {}

  String access(AccessClaims c) {
    Instant now = clock.instant();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(ACCESS_AUDIENCE)
            .subject(c.userId())
            .claim("upn", c.username())
            .claim("groups", c.roles())
            .claim("tid", c.tenantId())
            .claim("tenant", c.tenantSlug())
            .claim("sid", c.sessionId())
            .claim("amr", c.amr())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(ACCESS_SECONDS)))
            .build());
  }

  String mfa(String challengeId, String userId) {
    Instant now = clock.instant();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(MFA_AUDIENCE)
            .subject(userId)
            .jwtID(challengeId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(MFA_SECONDS)))
            .build());
  }

  /** The challenge id of a valid MFA token, or a 401. */
  String verifyMfa(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWSHeader header = jwt.getHeader();
      if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
        throw invalidMfaToken();
      }
      var key = keys.published(header.getKeyID()).orElseThrow(Tokens::invalidMfaToken);
      if (!jwt.verify(new ECDSAVerifier(key.toECPublicKey()))) {
        throw invalidMfaToken();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      if (!issuer.equals(claims.getIssuer())
          || claims.getAudience() == null
          || !claims.getAudience().equals(List.of(MFA_AUDIENCE))
          || claims.getExpirationTime() == null
          || claims.getExpirationTime().toInstant().plusSeconds(SKEW_SECONDS).isBefore(now)
          || claims.getJWTID() == null) {
        throw invalidMfaToken();
      }
      return claims.getJWTID();
    } catch (ParseException | JOSEException e) {
      throw invalidMfaToken();
    }
  }

  private String sign(JWTClaimsSet claims) {
    SigningKeys.Key key = keys.current();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.kid())
                  .build(),
              claims);
      jwt.sign(key.signer());
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  static ProblemException invalidMfaToken() {
    return new ProblemException(
        401, "invalid-mfa-token", "Unauthorized", "The MFA token is invalid, expired or spent.");
  }
}
