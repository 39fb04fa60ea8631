package dev.monocle.platform.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is. {@code X-Forwarded-For} is believed only when the connection comes from a
 * configured trusted proxy, and then only up to the first hop that is not itself trusted (the
 * right-most untrusted address): a client cannot spoof its address by sending the header itself.
 */
final class ClientAddress {

  private final List<Cidr> trusted;

  private record Cidr(BigInteger network, int prefix, int bits) {
    boolean contains(InetAddress address) {
      byte[] raw = address.getAddress();
      if (raw.length * 8 != bits) {
        return false;
      }
      BigInteger value = new BigInteger(1, raw);
      int shift = bits - prefix;
      return value.shiftRight(shift).equals(network.shiftRight(shift));
    }
  }

  /** {@code spec}: comma-separated addresses or CIDR blocks, e.g. {@code 10.0.0.0/8, ::1}. */
  ClientAddress(String spec) {
    List<Cidr> parsed = new ArrayList<>();
    for (String entry : spec == null ? new String[0] : spec.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      String[] parts = e.split("/", 2);
      InetAddress address =
          literal(parts[0])
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "monocle.http.trusted-proxies: not an address: " + e));
      int bits = address.getAddress().length * 8;
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("monocle.http.trusted-proxies: bad prefix: " + e);
      }
      parsed.add(new Cidr(new BigInteger(1, address.getAddress()), prefix, bits));
    }
    this.trusted = List.copyOf(parsed);
  }

  /** The client's address given the peer of the connection and its X-Forwarded-For header. */
  String of(String peer, String forwardedFor) {
    if (forwardedFor == null || trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (literal(hop).isEmpty()) {
        return peer;
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private boolean isTrusted(String address) {
    return literal(address).map(a -> trusted.stream().anyMatch(c -> c.contains(a))).orElse(false);
  }

  /** Parses an IP literal without ever resolving a name. */
  private static java.util.Optional<InetAddress> literal(String text) {
    boolean ipv4 = text != null && text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = text != null && text.contains(":") && text.matches("[0-9A-Fa-f:.]{2,45}");
    if (!ipv4 && !ipv6) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }
}
