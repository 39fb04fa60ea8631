package dev.monocle.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.auth.Caller;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessDecisionTest {

  @Allow(roles = Role.CATALOG_EDITOR, scopes = Scope.CATALOG_WRITE)
  void editorsAndWriteKeys() {}

  @Allow(roles = Role.TENANT_ADMIN)
  void adminsOnly() {}

  @Allow(anyUser = true)
  void anyUser() {}

  private static Allow rule(String method) throws Exception {
    return AccessDecisionTest.class.getDeclaredMethod(method).getAnnotation(Allow.class);
  }

  private static Caller user(Set<Role> roles, List<String> amr) {
    return new Caller(Caller.Kind.USER, "u", "t", "acme", "u", roles, Set.of(), "s", amr);
  }

  private static Caller key(Set<Scope> scopes) {
    return new Caller(Caller.Kind.SERVICE, "k", "t", null, "k", Set.of(), scopes, null, List.of());
  }

  @Test
  void noRuleMeansNo() {
    assertTrue(
        AccessDecision.denial(null, user(Set.of(Role.PLATFORM_ADMIN), List.of("pwd", "otp")))
            .isPresent());
  }

  @Test
  void rolesScopesAndPlatformAdmins() throws Exception {
    assertEquals(
        Optional.empty(),
        AccessDecision.denial(
            rule("editorsAndWriteKeys"), user(Set.of(Role.CATALOG_EDITOR), List.of("pwd"))));
    assertTrue(
        AccessDecision.denial(
                rule("editorsAndWriteKeys"), user(Set.of(Role.VIEWER), List.of("pwd")))
            .isPresent());
    assertEquals(
        Optional.empty(),
        AccessDecision.denial(
            rule("adminsOnly"), user(Set.of(Role.PLATFORM_ADMIN), List.of("pwd", "otp"))));
    assertEquals(
        Optional.empty(),
        AccessDecision.denial(rule("editorsAndWriteKeys"), key(Set.of(Scope.CATALOG_WRITE))));
    assertTrue(
        AccessDecision.denial(rule("editorsAndWriteKeys"), key(Set.of(Scope.CATALOG_READ)))
            .isPresent());
  }

  @Test
  void keysNeverReachEndpointsWithoutScopes() throws Exception {
    assertTrue(AccessDecision.denial(rule("adminsOnly"), key(Set.of(Scope.values()))).isPresent());
    assertTrue(AccessDecision.denial(rule("anyUser"), key(Set.of(Scope.values()))).isPresent());
  }

  @Test
  void adminRolesWithoutOtpAreRefusedEverywhere() throws Exception {
    assertTrue(
        AccessDecision.denial(rule("anyUser"), user(Set.of(Role.TENANT_ADMIN), List.of("pwd")))
            .isPresent());
    assertEquals(
        Optional.empty(),
        AccessDecision.denial(
            rule("anyUser"), user(Set.of(Role.TENANT_ADMIN), List.of("pwd", "otp"))));
  }
}
