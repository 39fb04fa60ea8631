package dev.monocle.auth.web;

import dev.monocle.audit.AuditEvent;
import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.audit.AuditEvent.Target;
import dev.monocle.audit.AuditTrail;
import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.AccessDecision;
import dev.monocle.auth.internal.Credentials;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.auth.internal.RequestLimits;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.RequestContext;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Public;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication and authorization for every JAX-RS endpoint, in one place. Credentials in a query
 * string are refused; an endpoint without {@code @Public} or {@code @Allow} is refused (deny by
 * default); every decision, allow and deny, is an {@code authz.decision} audit event.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

  static final Set<String> CREDENTIAL_PARAMETERS =
      Set.of(
          "access_token",
          "token",
          "id_token",
          "refresh_token",
          "api_key",
          "apikey",
          "key",
          "x-api-key",
          "password",
          "mfa_token",
          "code",
          "recovery_code",
          "authorization",
          "jwt",
          "current_password",
          "new_password");

  /** Route templates by resource class and method, computed once (this filter runs per request). */
  private static final Map<List<Object>, String> ROUTES = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;
  @Inject Credentials credentials;
  @Inject CurrentCaller current;
  @Inject RequestLimits limits;
  @Inject AuditTrail audit;

  @Override
  public void filter(ContainerRequestContext request) {
    for (String name : request.getUriInfo().getQueryParameters().keySet()) {
      if (CREDENTIAL_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw credentials.refuseQueryCredentials();
      }
    }
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method == null) {
      return;
    }
    Optional<Caller> caller =
        credentials.authenticate(
            request.getHeaderString("X-API-Key"),
            request.getHeaderString("Authorization"),
            request.getSecurityContext().getUserPrincipal());
    if (rule(method, type, Public.class) != null) {
      caller.ifPresentOrElse(current::set, () -> limits.anonymous(clientAddress()));
      return;
    }
    Caller who = caller.orElseThrow(credentials::missing);
    String endpoint =
        request.getMethod()
            + " "
            + ROUTES.computeIfAbsent(List.of(type, method), k -> routeOf(type, method));
    Actor actor = who.actor();
    Optional<String> denial = AccessDecision.denial(rule(method, type, Allow.class), who);
    if (denial.isPresent()) {
      limits.denied();
      audit.record(
          AuditEvent.denied(
              "authz.decision",
              actor,
              who.tenantId(),
              Target.of("endpoint", endpoint),
              denial.get()));
      throw ProblemException.forbidden();
    }
    limits.principal(who.id());
    audit.recordSoon(
        new AuditEvent(
            "authz.decision",
            AuditEvent.Outcome.SUCCESS,
            actor,
            who.tenantId(),
            Target.of("endpoint", endpoint),
            "allowed"));
    current.set(who);
  }

  /** The route template (e.g. {@code /api/v1/admin/users/{id}}), never the raw client path. */
  private static String routeOf(Class<?> type, Method method) {
    jakarta.ws.rs.Path onType = type.getAnnotation(jakarta.ws.rs.Path.class);
    jakarta.ws.rs.Path onMethod = method.getAnnotation(jakarta.ws.rs.Path.class);
    String route = "/" + (onType == null ? "" : onType.value());
    if (onMethod != null) {
      route = route.replaceAll("/+$", "") + "/" + onMethod.value().replaceAll("^/+", "");
    }
    return route;
  }

  private static String clientAddress() {
    return RequestContext.current().map(RequestContext.Current::clientAddress).orElse("unknown");
  }

  /** The method's rule, else its class's; a method with either rule ignores the class's. */
  private static <A extends Annotation> A rule(Method method, Class<?> type, Class<A> kind) {
    if (method.isAnnotationPresent(Public.class) || method.isAnnotationPresent(Allow.class)) {
      return method.getAnnotation(kind);
    }
    return type.getAnnotation(kind);
  }
}
