package dev.monocle.platform.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.RequestContext;
import dev.monocle.platform.ServerRole;
import dev.monocle.platform.internal.HttpMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first thing every request meets, API, admin page, health and metrics alike: it assigns the
 * request id, sets the security headers, refuses unlisted methods, bounds the body and checks JSON
 * bodies with {@link BodyGuard}. Its refusals are problem documents like every other error.
 */
public class RequestKernelFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  static final String REQUEST_ID_ATTRIBUTE = "dev.monocle.request-id";

  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
  private static final String API_CSP =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  private static final String PAGE_CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private long maxBodyBytes;
  private long maxImportBodyBytes;
  private transient ClientAddress clientAddress;
  private ServerRole role;
  private boolean clientCertificateRequired;
  private transient HttpMetrics metrics;

  @Override
  public void init() {
    var config = ConfigProvider.getConfig();
    maxBodyBytes =
        config.getOptionalValue("monocle.http.max-body-bytes", Long.class).orElse(1L << 20);
    maxImportBodyBytes =
        config.getOptionalValue("monocle.http.max-import-body-bytes", Long.class).orElse(16L << 20);
    role = ServerRole.configured();
    clientCertificateRequired =
        role == ServerRole.DECODER
            && config
                .getOptionalValue("monocle.tls.client.ca.file", String.class)
                .filter(f -> !f.isBlank())
                .isPresent();
    metrics = CDI.current().select(HttpMetrics.class).get();
    clientAddress =
        new ClientAddress(
            config.getOptionalValue("monocle.http.trusted-proxies", String.class).orElse(""));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requestId = requestIdOf(request);
    applyHeaders(request, response, requestId);
    AutoCloseable bound =
        RequestContext.bind(
            new RequestContext.Current(
                requestId, clientAddress.of(request.getRemoteAddr(), forwardedFor(request))));
    boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
    try {
      chain.doFilter(errorPage ? request : checked(request), response);
    } catch (ProblemException problem) {
      if (!response.isCommitted()) {
        write(response, problem, request.getRequestURI());
      }
    } finally {
      unbind(bound);
      if (!errorPage) {
        countWhenDone(request, response);
      }
    }
  }

  /** Counts the response once: now, or when an asynchronous request completes. */
  private void countWhenDone(HttpServletRequest request, HttpServletResponse response) {
    if (!request.isAsyncStarted()) {
      metrics.response(response.getStatus());
      return;
    }
    request
        .getAsyncContext()
        .addListener(
            new AsyncListener() {
              @Override
              public void onComplete(AsyncEvent event) {
                metrics.response(response.getStatus());
              }

              @Override
              public void onTimeout(AsyncEvent event) {
                // completion follows and counts it
              }

              @Override
              public void onError(AsyncEvent event) {
                // completion follows and counts it
              }

              @Override
              public void onStartAsync(AsyncEvent event) {
                // still the same response
              }
            });
  }

  private static void unbind(AutoCloseable bound) {
    try {
      bound.close();
    } catch (Exception cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }

  /** Every X-Forwarded-For line, joined: a proxy may append its own line after the client's. */
  private static String forwardedFor(HttpServletRequest request) {
    var lines = request.getHeaders("X-Forwarded-For");
    if (lines == null || !lines.hasMoreElements()) {
      return null;
    }
    return String.join(",", java.util.Collections.list(lines));
  }

  private String requestIdOf(HttpServletRequest request) {
    Object known = request.getAttribute(REQUEST_ID_ATTRIBUTE);
    if (known instanceof String id) {
      return id;
    }
    String offered = request.getHeader(REQUEST_ID_HEADER);
    String id =
        offered != null && SANE_REQUEST_ID.matcher(offered).matches()
            ? offered
            : UUID.randomUUID().toString();
    request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
    return id;
  }

  private static void applyHeaders(
      HttpServletRequest request, HttpServletResponse response, String requestId) {
    response.setHeader(REQUEST_ID_HEADER, requestId);
    response.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    String path = request.getRequestURI();
    boolean page = path.startsWith("/admin");
    response.setHeader("Content-Security-Policy", page ? PAGE_CSP : API_CSP);
    if (!path.startsWith("/admin/static/")) {
      response.setHeader("Cache-Control", "no-store");
    }
  }

  private HttpServletRequest checked(HttpServletRequest request) throws IOException {
    // the container's decoded path (no ;parameters, %xx decoded), not the raw request URI
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!role.serves(path)) {
      throw ProblemException.notFound(); // decode only on decoder nodes, and nothing else there
    }
    if (clientCertificateRequired
        && !ServerRole.isProbe(path)
        && request.getAttribute("jakarta.servlet.request.X509Certificate") == null) {
      // the listener asks for a certificate of the client CA and refuses an untrusted one; the
      // probes (kubelet, no certificate) may come without, decoding may not
      throw new ProblemException(
          401,
          "client-certificate-required",
          "Client certificate required",
          "This decoder node serves only clients with a certificate of its client CA.");
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new ProblemException(
          405,
          "method-not-allowed",
          "Method not allowed",
          "This server does not support the "
              + (method.length() <= 16 ? method : "request")
              + " method.",
          java.util.List.of(),
          java.util.Map.of("Allow", ALLOWED));
    }
    boolean hasBody =
        request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    if (!hasBody || isForm(request.getContentType())) {
      if (hasBody && request.getContentLengthLong() < 0) {
        // a form body is read by whoever asks for parameters, past this filter: it must say its
        // size
        throw new ProblemException(
            411, "length-required", "Length required", "A form body needs a Content-Length.");
      }
      if (request.getContentLengthLong() > maxBodyBytes) {
        throw ProblemDocument.payloadTooLarge();
      }
      return request;
    }
    long limit = request.getRequestURI().endsWith(":import") ? maxImportBodyBytes : maxBodyBytes;
    if (request.getContentLengthLong() > limit) {
      throw ProblemDocument.payloadTooLarge();
    }
    byte[] body = readAtMost(request.getInputStream(), limit);
    if (isJson(request.getContentType())) {
      BodyGuard.checkJson(body);
    }
    return new BufferedBodyRequest(request, body);
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      throw ProblemDocument.payloadTooLarge();
    }
    return body;
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
  }

  static void write(HttpServletResponse response, ProblemException problem, String instance)
      throws IOException {
    response.resetBuffer();
    response.setStatus(problem.status());
    ProblemDocument.headersOf(problem).forEach(response::setHeader);
    response.setContentType(ProblemDocument.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(ProblemDocument.render(problem, instance));
  }
}
