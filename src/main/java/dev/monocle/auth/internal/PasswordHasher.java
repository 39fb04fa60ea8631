package dev.monocle.auth.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id at OWASP's parameters or above (19 MiB, 2 iterations, 1 lane), PHC strings at rest.
 * Hashes made with weaker parameters are recognised so that login can upgrade them.
 */
final class PasswordHasher {

  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final Argon2Function CURRENT =
      Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, 32, Argon2.ID, 19);

  /** A hash of a random password, so unknown users cost what known ones do. */
  private final String dummy = hash(RandomTokens.urlSafe(24));

  String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(CURRENT).getResult();
  }

  boolean verify(String password, String hash) {
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /** Spends the time of a verification when there is no user to verify against. */
  void verifyDummy(String password) {
    verify(password, dummy);
  }

  boolean needsRehash(String hash) {
    Argon2Function used = Argon2Function.getInstanceFromHash(hash);
    return used.getMemory() < MEMORY_KIB
        || used.getIterations() < ITERATIONS
        || used.getVariant() != Argon2.ID;
  }
}
