package dev.monocle.platform.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's only redirect: to a page of the console itself, never elsewhere. A path that is not
 * a plain console path (another host, {@code //}, a backslash, a line break) is refused, so no page
 * can be turned into an open redirect.
 */
public final class ConsoleRedirect {

  private ConsoleRedirect() {}

  public static void to(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    if (!isConsolePath(path)) {
      throw new IllegalArgumentException("not a console path: " + path.length() + " characters");
    }
    response.sendRedirect(request.getContextPath() + path);
  }

  /** {@code /admin...}: ASCII letters, digits and {@code /._~-}, then an optional plain query. */
  static boolean isConsolePath(String path) {
    if (!path.startsWith("/admin") || path.contains("//")) {
      return false;
    }
    int query = path.indexOf('?');
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "/._~-".indexOf(c) >= 0);
      boolean inQuery = query >= 0 && i > query && c < 128 && "=&%+".indexOf(c) >= 0;
      if (!plain && !inQuery && i != query) {
        return false;
      }
    }
    return true;
  }
}
