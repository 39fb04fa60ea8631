package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.SecretName;
import dev.monocle.platform.Secrets;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * {@code /metrics} needs credentials: HTTP Basic with user {@code prometheus} and the secret {@code
 * MONOCLE_METRICS_TOKEN} as password (Prometheus's {@code basic_auth} with {@code password_file}).
 * Not a Bearer token: MicroProfile JWT claims every Bearer credential as a JWT before any filter
 * runs. The metrics tell an attacker how the defences are doing (failures, denials, limits), so
 * they are not public. Anything else is a 401 problem document; the comparison takes the same time
 * wherever the secrets differ.
 */
public class MetricsAccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "Basic ";
  private static final byte[] USER = "prometheus:".getBytes(StandardCharsets.UTF_8);

  private transient volatile byte[] token;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!authorized(request.getHeader("Authorization"))) {
      throw ProblemException.unauthorized();
    }
    chain.doFilter(request, response);
  }

  private boolean authorized(String header) {
    byte[] expected = token();
    if (header == null
        || expected == null
        || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] offered;
    try {
      offered = Base64.getDecoder().decode(header.substring(PREFIX.length()).trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    byte[] wanted = new byte[USER.length + expected.length];
    System.arraycopy(USER, 0, wanted, 0, USER.length);
    System.arraycopy(expected, 0, wanted, USER.length, expected.length);
    return MessageDigest.isEqual(offered, wanted);
  }

  /** The token the platform loaded at start (container-made filters get no CDI injection). */
  private byte[] token() {
    byte[] known = token;
    if (known == null) {
      known = CDI.current().select(Secrets.class).get().get(SecretName.METRICS_TOKEN);
      token = known;
    }
    return known;
  }
}
