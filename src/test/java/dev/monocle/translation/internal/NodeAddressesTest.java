package dev.monocle.translation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeAddressesTest {

  @Test
  void baseAddressesAreNormalised() {
    assertEquals("http://127.0.0.1:2737", NodeAddresses.parse("http://127.0.0.1:2737/").toString());
    assertEquals(
        "https://decoder-1.internal",
        NodeAddresses.parse(" HTTPS://Decoder-1.Internal ").toString());
  }

  @Test
  void anythingButABaseAddressIsRefused() {
    for (String bad :
        new String[] {
          null,
          "",
          "ftp://host",
          "file:///etc/passwd",
          "http://user:pw@host",
          "http://host/path",
          "http://host?x=1",
          "http://host#f",
          "http://169.254.169.254",
          "http://[fe80::1]:80",
          "http://0.0.0.0:8080",
          "host:80",
          "http://",
          "javascript:alert(1)",
          "http://" + "a".repeat(2_100) + ".test"
        }) {
      assertThrows(
          IllegalArgumentException.class, () -> NodeAddresses.parse(bad), String.valueOf(bad));
    }
  }
}
