package dev.monocle.platform;

import java.util.Optional;

/**
 * The request being served on this thread: its id (echoed in {@code X-Request-Id}, written into log
 * lines, problem documents and audit events) and the client address. Set by the platform's request
 * filter; empty outside a request.
 */
public final class RequestContext {

  /** What the platform knows about the current request. */
  public record Current(String requestId, String clientAddress) {}

  private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

  private RequestContext() {}

  public static Optional<Current> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static Optional<String> requestId() {
    return current().map(Current::requestId);
  }

  /** Binds the request to this thread; the returned handle unbinds it. */
  public static AutoCloseable bind(Current current) {
    Current previous = CURRENT.get();
    CURRENT.set(current);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }
}
