package dev.monocle.auth.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void lengthIsCountedInCharactersNotBytes() {
    assertTrue(policy.problem("short").isPresent());
    assertTrue(policy.problem("x".repeat(129)).isPresent());
    assertFalse(policy.problem("ünïcödé ☂ wörds flöat höme").isPresent(), "any Unicode, no rules");
  }

  @Test
  void commonAndPersonalPasswordsAreRefused() {
    assertTrue(policy.problem("password1234").isPresent());
    assertTrue(policy.problem("qwertyuiop123").isPresent());
    assertTrue(policy.problem("aaaaaaaaaaaaaaaa").isPresent());
    assertTrue(policy.problem("ada.lovelace1815", "ada.lovelace1815@acme.example").isPresent());
    assertFalse(policy.problem("violet otter juggles sunsets").isPresent());
  }

  @Test
  void argon2idAtOwaspParametersAndUpgradeDetection() {
    PasswordHasher hasher = new PasswordHasher();
    String hash = hasher.hash("violet otter juggles sunsets");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(hasher.verify("violet otter juggles sunsets", hash));
    assertFalse(hasher.verify("violet otter juggles sunset", hash));
    assertFalse(hasher.needsRehash(hash));
    String weak =
        com.password4j.Password.hash("x")
            .addRandomSalt(16)
            .with(
                com.password4j.Argon2Function.getInstance(
                    4096, 1, 1, 32, com.password4j.types.Argon2.ID, 19))
            .getResult();
    assertTrue(hasher.needsRehash(weak));
  }
}
