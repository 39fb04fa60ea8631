package dev.monocle.platform.internal;

import dev.monocle.platform.ProblemException;
import java.util.List;
import java.util.Map;

/** A request arrived before the database or key material was ready: 503 with Retry-After. */
final class NotReadyException extends ProblemException {

  private static final long serialVersionUID = 1L;

  NotReadyException(String what) {
    super(
        503,
        "not-ready",
        "Service not ready",
        "Monocle is starting or has lost its " + what + "; try again shortly.",
        List.of(),
        Map.of("Retry-After", "5"));
  }
}
