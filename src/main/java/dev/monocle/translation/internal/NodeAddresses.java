package dev.monocle.translation.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Base addresses of decoder nodes: {@code http(s)://host[:port]}, nothing more. */
final class NodeAddresses {

  static final int MAX_LENGTH = 2_048;

  private NodeAddresses() {}

  /**
   * The normalised base address, or an {@link IllegalArgumentException} saying what is wrong: only
   * http and https, a host, no user info, query or fragment, and no path beyond {@code /}; never a
   * link-local address (cloud metadata services live there) or an unspecified one.
   */
  static URI parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be an http(s) address of at most 2048 characters");
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("must be an http(s) address");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("must use http or https");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("must name a host, without user info");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("must not have a query or fragment");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("169.254.")
        || host.startsWith("[fe80:")
        || host.equals("0.0.0.0")
        || host.equals("[::]")
        || host.equals("metadata.google.internal")) {
      throw new IllegalArgumentException("must not be a link-local or unspecified address");
    }
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("must be a base address without a path");
    }
    return URI.create(
        scheme
            + "://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
  }
}
