package dev.monocle.it;

/**
 * The bootstrap platform admin {@code root}, shared by the black-box classes of one run (they share
 * one database): AuthIT enrolls its TOTP secret and keeps it here; later classes sign in with it.
 */
public final class RootAdmin {

  /** The TOTP secret of {@code root}, once enrolled in this run. */
  public static final String[] TOTP = new String[1];

  private RootAdmin() {}

  public static Api.Session signIn(Api api) {
    return api.admin("platform", "root", TestDatabases.bootstrapPassword(), TOTP);
  }
}
