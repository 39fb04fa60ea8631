package dev.monocle.platform.console;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What every console page knows of its viewer, for the layout: who is signed in, the CSRF token
 * their forms carry and which pages their roles reach. The console gate of the auth module builds
 * it from the same rules it enforces, so a link is shown exactly when following it is allowed.
 *
 * @param user the signed-in user's name, null on the sign-in pages
 * @param may page path to whether the viewer may open it
 */
public record ConsoleView(
    String user, String tenant, List<String> roles, String csrf, Map<String, Boolean> may)
    implements Serializable {

  public static final String ATTRIBUTE = "console";

  public ConsoleView {
    roles = List.copyOf(roles);
    may = Map.copyOf(may);
  }

  public boolean signedIn() {
    return user != null;
  }
}
