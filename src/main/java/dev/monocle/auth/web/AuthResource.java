package dev.monocle.auth.web;

import dev.monocle.auth.Caller;
import dev.monocle.auth.internal.CurrentCaller;
import dev.monocle.auth.internal.Logins;
import dev.monocle.auth.internal.SelfService;
import dev.monocle.auth.internal.SessionStore;
import dev.monocle.auth.internal.SessionStore.Grant;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.RequestContext;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signing in and out, MFA, token refresh, and the signed-in user's own account. */
@Path("api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AuthResource {

  static final String REFRESH_COOKIE = "monocle_refresh";

  @Inject Logins logins;
  @Inject SelfService self;
  @Inject SessionStore sessions;
  @Inject CurrentCaller current;

  @POST
  @Path("login")
  @Public
  public Response login(@Valid @NotNull AuthRequests.Login body) {
    String address =
        RequestContext.current().map(RequestContext.Current::clientAddress).orElse("unknown");
    Logins.LoginResult result =
        logins.login(body.tenant(), body.username(), body.password(), address);
    if (result instanceof Logins.Granted granted) {
      return tokens(granted.grant(), Map.of());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    if (result instanceof Logins.MfaRequired mfa) {
      json.put("mfa_required", true);
      json.put("mfa_token", mfa.mfaToken());
      json.put("methods", List.of("totp", "recovery_code"));
    } else if (result instanceof Logins.EnrollmentRequired enroll) {
      json.put("mfa_enrollment_required", true);
      json.put("mfa_token", enroll.mfaToken());
    }
    return Response.ok(json).build();
  }

  @POST
  @Path("mfa")
  @Public
  public Response mfa(@Valid @NotNull AuthRequests.Mfa body) {
    if ((body.code() == null) == (body.recoveryCode() == null)) {
      throw ProblemException.validation(
          List.of(new ProblemException.FieldError("code", "give either code or recovery_code")));
    }
    return tokens(logins.mfa(body.mfaToken(), body.code(), body.recoveryCode()), Map.of());
  }

  @POST
  @Path("mfa/enrollment")
  @Public
  public Logins.Enrollment enroll(@Valid AuthRequests.Enrollment body) {
    String mfaToken = body == null ? null : body.mfaToken();
    return logins.beginEnrollment(mfaToken, mfaToken == null ? signedInUser() : null);
  }

  @POST
  @Path("mfa/enrollment/confirm")
  @Public
  public Response confirm(@Valid @NotNull AuthRequests.Confirmation body) {
    Logins.Confirmation done =
        logins.confirmEnrollment(
            body.mfaToken(), body.mfaToken() == null ? signedInUser() : null, body.code());
    Map<String, Object> extra = Map.of("recovery_codes", done.recoveryCodes());
    return done.grant() == null ? Response.ok(extra).build() : tokens(done.grant(), extra);
  }

  @POST
  @Path("refresh")
  @Public
  public Response refresh(
      @Valid AuthRequests.Refresh body, @CookieParam(REFRESH_COOKIE) String cookie) {
    String presented = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
    return tokens(sessions.refresh(presented), Map.of());
  }

  @POST
  @Path("logout")
  @Allow(anyUser = true)
  public Response logout() {
    Caller caller = current.caller();
    logins.logout(caller.id(), caller.sessionId());
    return Response.noContent().cookie(refreshCookie("", 0)).build();
  }

  @GET
  @Path("me")
  @Allow(anyUser = true)
  public SelfService.Me me() {
    return self.me(current.caller());
  }

  @POST
  @Path("password")
  @Allow(anyUser = true)
  public Response password(@Valid @NotNull AuthRequests.PasswordChange body) {
    Caller caller = current.caller();
    logins.changePassword(
        caller.id(), caller.sessionId(), body.currentPassword(), body.newPassword());
    return Response.noContent().build();
  }

  @GET
  @Path("sessions")
  @Allow(anyUser = true)
  public Map<String, Object> sessions() {
    return Map.of("items", self.sessions(current.caller()));
  }

  @DELETE
  @Path("sessions/{id}")
  @Allow(anyUser = true)
  public Response endSession(@PathParam("id") String id) {
    self.endSession(current.caller(), id);
    return Response.noContent().build();
  }

  /** The signed-in user for enrollment without an MFA token, or a 401. */
  private String signedInUser() {
    Caller caller = current.callerIfAny().orElseThrow(() -> ProblemException.unauthorized());
    if (!caller.isUser()) {
      throw ProblemException.forbidden();
    }
    return caller.id();
  }

  private static Response tokens(Grant grant, Map<String, Object> extra) {
    Map<String, Object> json = new LinkedHashMap<>(extra);
    json.put("access_token", grant.accessToken());
    json.put("token_type", "Bearer");
    json.put("expires_in", 900);
    json.put("refresh_token", grant.refreshToken());
    json.put("refresh_expires_in", grant.refreshExpiresIn());
    json.put("session_id", grant.sessionId());
    return Response.ok(json)
        .cookie(
            refreshCookie(
                grant.refreshToken(), (int) Math.min(Integer.MAX_VALUE, grant.refreshExpiresIn())))
        .build();
  }

  private static NewCookie refreshCookie(String value, int maxAge) {
    return new NewCookie.Builder(REFRESH_COOKIE)
        .value(value)
        .path("/api/v1/auth")
        .maxAge(maxAge)
        .secure(true)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
