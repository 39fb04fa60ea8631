package dev.monocle.platform.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleRedirectTest {

  @Test
  void onlyPathsOfTheConsoleItselfAreRedirectTargets() {
    assertTrue(ConsoleRedirect.isConsolePath("/admin/dashboard"));
    assertTrue(ConsoleRedirect.isConsolePath("/admin/users/3f1c-aa"));
    assertTrue(ConsoleRedirect.isConsolePath("/admin/sign-in?ended"));
    assertTrue(ConsoleRedirect.isConsolePath("/admin/role-review?cursor=YWJj%3D"));
    assertFalse(ConsoleRedirect.isConsolePath("https://evil.example/admin"));
    assertFalse(ConsoleRedirect.isConsolePath("//evil.example/admin"));
    assertFalse(ConsoleRedirect.isConsolePath("/admin//evil.example"));
    assertFalse(ConsoleRedirect.isConsolePath("/admin/\\evil.example"));
    assertFalse(ConsoleRedirect.isConsolePath("/admin/x\r\nSet-Cookie: a=b"));
    assertFalse(ConsoleRedirect.isConsolePath("/api/v1/auth/login"));
    assertFalse(ConsoleRedirect.isConsolePath("/admin/x?next=https://evil.example"));
  }
}
