package dev.monocle.auth.internal;

import dev.monocle.auth.Caller;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import java.util.Arrays;
import java.util.Optional;

/** The rule of {@link Allow} applied to a caller: empty when allowed, else the reason. */
public final class AccessDecision {

  private AccessDecision() {}

  public static Optional<String> denial(Allow allow, Caller caller) {
    if (allow == null) {
      return Optional.of("endpoint has no access rule");
    }
    if (!caller.isUser()) {
      if (allow.scopes().length == 0) {
        return Optional.of("API keys cannot use this endpoint");
      }
      return Arrays.stream(allow.scopes()).anyMatch(caller.scopes()::contains)
          ? Optional.empty()
          : Optional.of("API key lacks the scope");
    }
    if (caller.roles().stream().anyMatch(Role::isAdmin) && !caller.amr().contains("otp")) {
      return Optional.of("admin role without MFA");
    }
    if (caller.has(Role.PLATFORM_ADMIN) || allow.anyUser()) {
      return Optional.empty();
    }
    return Arrays.stream(allow.roles()).anyMatch(caller.roles()::contains)
        ? Optional.empty()
        : Optional.of("role not allowed");
  }
}
