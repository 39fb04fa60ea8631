package dev.monocle.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals("203.0.113.9", new ClientAddress("").of("203.0.113.9", "1.2.3.4"));
  }

  @Test
  void anUntrustedPeerCannotSpoofItsAddress() {
    ClientAddress a = new ClientAddress("10.0.0.0/8");
    assertEquals("203.0.113.9", a.of("203.0.113.9", "1.2.3.4"));
  }

  @Test
  void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
    ClientAddress a = new ClientAddress("10.0.0.0/8, 192.168.1.7, ::1");
    assertEquals("198.51.100.4", a.of("10.1.2.3", "1.2.3.4, 198.51.100.4, 192.168.1.7"));
    assertEquals("198.51.100.4", a.of("::1", "198.51.100.4"));
    assertEquals("10.1.2.3", a.of("10.1.2.3", "not-an-address"));
    assertEquals("10.1.2.3", a.of("10.1.2.3", "10.9.9.9"));
  }

  @Test
  void namesAreNeverResolvedOrBelieved() {
    ClientAddress a = new ClientAddress("10.0.0.0/8");
    assertEquals("10.1.2.3", a.of("10.1.2.3", "cafe"));
    assertEquals("10.1.2.3", a.of("10.1.2.3", "dead.beef"));
    assertEquals("10.1.2.3", a.of("10.1.2.3", "localhost"));
  }

  @Test
  void aBadConfigurationIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ClientAddress("proxy.example"));
    assertThrows(IllegalArgumentException.class, () -> new ClientAddress("10.0.0.0/40"));
  }
}
