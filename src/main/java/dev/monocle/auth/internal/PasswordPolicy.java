package dev.monocle.auth.internal;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NIST SP 800-63B: 12 to 128 characters of anything, no composition rules, and no password that a
 * guesser tries early: zxcvbn's estimate (which knows common and leaked-style passwords, names and
 * keyboard patterns) must reach score 3, with the user's own details counted against it.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;
  static final int MIN_SCORE = 3;
  private final Zxcvbn zxcvbn = new Zxcvbn();

  /** Why the password is refused, or empty when it is acceptable. */
  Optional<String> problem(String password, String... userInputs) {
    if (password == null) {
      return Optional.of("is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    List<String> inputs = new ArrayList<>(List.of("monocle", "eyewear"));
    for (String input : userInputs) {
      if (input != null && !input.isBlank()) {
        inputs.add(input);
        String local = input.contains("@") ? input.substring(0, input.indexOf('@')) : input;
        inputs.add(local);
        for (String piece : local.split("[^\\p{L}\\p{N}]+")) {
          if (piece.length() >= 3) {
            inputs.add(piece);
          }
        }
      }
    }
    Strength strength = zxcvbn.measure(password, inputs);
    if (strength.getScore() < MIN_SCORE) {
      return Optional.of("is too easy to guess: choose a longer, less common passphrase");
    }
    return Optional.empty();
  }
}
