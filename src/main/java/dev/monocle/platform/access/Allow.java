package dev.monocle.platform.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint: users holding one of {@link #roles()} ({@code platform_admin} always
 * may), any signed-in user when {@link #anyUser()}, and API keys holding one of {@link #scopes()}.
 * An API key never reaches an endpoint that names no scope. A method's annotation replaces its
 * class's. The auth module enforces it in one filter; modules only declare.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {

  Role[] roles() default {};

  Scope[] scopes() default {};

  /** Any authenticated user, whatever their roles (e.g. {@code /auth/me}). */
  boolean anyUser() default false;
}
