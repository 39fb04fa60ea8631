package dev.monocle.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain: each event's hash is SHA-256 over the previous hash and a canonical encoding of the
 * event (every field length-prefixed, absent fields as length -1, so no two different events encode
 * alike). Changing, removing, inserting or reordering an event breaks every hash from there on.
 *
 * <p>An instance keeps its digest and buffers for a run of events (verification hashes hundreds of
 * thousands per second); it is not thread-safe.
 */
final class EventHash {

  static final String GENESIS = "0".repeat(64);
  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest sha;
  private final byte[] length = new byte[4];

  EventHash() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String of(String previousHash, StoredEvent e) {
    return new EventHash().hash(previousHash, e);
  }

  String hash(String previousHash, StoredEvent e) {
    sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
    for (String field : e.canonicalFields()) {
      if (field == null) {
        lengthPrefix(-1);
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        lengthPrefix(bytes.length);
        sha.update(bytes);
      }
    }
    return HEX.formatHex(sha.digest());
  }

  private void lengthPrefix(int n) {
    length[0] = (byte) (n >>> 24);
    length[1] = (byte) (n >>> 16);
    length[2] = (byte) (n >>> 8);
    length[3] = (byte) n;
    sha.update(length);
  }
}
