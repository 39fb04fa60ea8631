package dev.monocle.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain: each event's hash is SHA-256 over the previous hash and a canonical encoding of the
 * event (every field length-prefixed, so no two different events encode alike). Changing, removing,
 * inserting or reordering an event breaks every hash from there on.
 */
final class EventHash {

  static final String GENESIS = "0".repeat(64);

  private EventHash() {}

  static String of(String previousHash, StoredEvent e) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
      for (String field : e.canonicalFields()) {
        if (field == null) {
          sha.update(ByteBuffer.allocate(4).putInt(-1).array());
        } else {
          byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
          sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
          sha.update(bytes);
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e1) {
      throw new IllegalStateException(e1);
    }
  }
}
