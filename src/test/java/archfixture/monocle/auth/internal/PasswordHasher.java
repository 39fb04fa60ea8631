package archfixture.monocle.auth.internal;

/** Private to auth. */
public class PasswordHasher {
  public String hash(String password) {
    return password;
  }
}
