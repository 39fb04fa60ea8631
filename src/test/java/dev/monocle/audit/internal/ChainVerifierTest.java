package dev.monocle.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of rewrite is found, at the sequence number where the trail stops matching. */
class ChainVerifierTest {

  private CheckpointSigner signer;
  private List<EventRow> rows;
  private Map<Long, Checkpoint> checkpoints;

  @BeforeEach
  void chainOfFiftyWithCheckpointsEveryTen() throws GeneralSecurityException {
    signer = new CheckpointSigner(secret(), List.of());
    rows = new ArrayList<>();
    checkpoints = new HashMap<>();
    String previous = EventHash.GENESIS;
    for (long seq = 1; seq <= 50; seq++) {
      StoredEvent e = event(seq, "auth.login");
      String hash = EventHash.of(previous, e);
      rows.add(new EventRow(e, previous, hash));
      if (seq % 10 == 0) {
        checkpoints.put(seq, sign(seq, hash));
      }
      previous = hash;
    }
  }

  @Test
  void anUntouchedTrailIsValid() {
    ChainVerifier.Result r = verify(rows, headSeq(), headHash());
    assertTrue(r.valid(), r.reason());
    assertEquals(50, r.checked());
    assertEquals(50, r.headSeq());
    assertNull(r.firstInvalidSeq());
  }

  @Test
  void aChangedFieldIsFoundAtItsEvent() {
    EventRow row = rows.get(16);
    StoredEvent changed = TrailFixture.withAction(row.event(), "nothing.happened");
    rows.set(16, new EventRow(changed, row.prevHash(), row.hash()));
    assertInvalidAt(17, verify(rows, headSeq(), headHash()));
  }

  @Test
  void aDeletedEventIsFoundAtItsSequenceNumber() {
    rows.remove(24);
    assertInvalidAt(25, verify(rows, 50, headHash()));
  }

  @Test
  void swappedEventsAreFoundAtTheFirstOfThem() {
    Collections.swap(rows, 30, 33);
    List<EventRow> renumbered = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      renumbered.add(TrailFixture.withSeq(rows.get(i), i + 1));
    }
    assertInvalidAt(31, verify(renumbered, 50, headHash()));
  }

  @Test
  void aTruncatedTailIsFoundAtTheFirstMissingEvent() {
    String head = headHash();
    List<EventRow> truncated = new ArrayList<>(rows.subList(0, 44));
    assertInvalidAt(45, verify(truncated, 50, head));
  }

  @Test
  void aTruncatedTailWithTheHeadMovedBackIsFoundByTheCheckpointBeyondIt() {
    List<EventRow> truncated = new ArrayList<>(rows.subList(0, 44));
    assertInvalidAt(45, verify(truncated, 44, truncated.get(43).hash()));
  }

  @Test
  void aTailRewrittenWithRecomputedHashesIsFoundByTheNextCheckpoint() {
    List<EventRow> rewritten = new ArrayList<>(rows.subList(0, 22));
    String previous = rewritten.get(21).hash();
    for (long seq = 23; seq <= 50; seq++) {
      StoredEvent e = event(seq, seq == 23 ? "nothing.happened" : "auth.login");
      String hash = EventHash.of(previous, e);
      rewritten.add(new EventRow(e, previous, hash));
      previous = hash;
    }
    // The rewrite starts at 23; the last checkpoint that still matches is 20.
    assertInvalidAt(21, verify(rewritten, 50, previous));
  }

  @Test
  void aForgedCheckpointIsRefused() throws GeneralSecurityException {
    CheckpointSigner forger = new CheckpointSigner(secret(), List.of());
    Checkpoint genuine = checkpoints.get(30L);
    checkpoints.put(
        30L,
        new Checkpoint(
            30,
            genuine.hash(),
            genuine.signedAt(),
            genuine.kid(),
            forger.sign(30, genuine.hash(), genuine.signedAt())));
    assertInvalidAt(30, verify(rows, headSeq(), headHash()));
  }

  @Test
  void aPrunedTrailVerifiesFromTheCheckpointThatAnchorsIt() {
    ChainVerifier.Result r = verify(rows.subList(20, 50), headSeq(), headHash());
    assertTrue(r.valid(), r.reason());
    assertEquals(30, r.checked());
  }

  @Test
  void aPrefixRemovedWithoutACheckpointIsInvalid() {
    assertInvalidAt(21, verify(rows.subList(25, 50), headSeq(), headHash()));
  }

  @Test
  void aTrailPrunedUpToItsHeadIsValid() {
    List<EventRow> ten = new ArrayList<>(rows.subList(0, 10));
    checkpoints.keySet().removeIf(seq -> seq > 10);
    assertTrue(verify(List.of(), 10, ten.get(9).hash()).valid());
    assertInvalidAt(10, verify(List.of(), 10, "f".repeat(64)));
  }

  @Test
  void anEmptyNewTrailIsValid() {
    checkpoints.clear();
    ChainVerifier.Result r = verify(List.of(), 0, EventHash.GENESIS);
    assertTrue(r.valid());
    assertEquals(0, r.checked());
  }

  @Test
  void eventsAppendedAfterTheHeadWasReadAreLeftForTheNextRun() {
    // Checkpoints are read before the head, so none read can lie beyond it unless it was moved
    // back.
    checkpoints.remove(50L);
    ChainVerifier.Result r = verify(rows, 40, rows.get(39).hash());
    assertTrue(r.valid(), r.reason());
    assertEquals(40, r.checked());
  }

  @Test
  void checkpointsOfARetiredKeyVerifyOnlyWhileItIsTrusted() throws GeneralSecurityException {
    byte[] oldSecret = secret();
    CheckpointSigner old = new CheckpointSigner(oldSecret, List.of());
    Checkpoint c = checkpoints.get(10L);
    checkpoints.put(
        10L,
        new Checkpoint(
            10, c.hash(), c.signedAt(), old.kid(), old.sign(10, c.hash(), c.signedAt())));
    assertInvalidAt(10, verify(rows, headSeq(), headHash()));
    signer = new CheckpointSigner(secret(), List.of(old.publicKey()));
    for (long seq = 20; seq <= 50; seq += 10) {
      Checkpoint k = checkpoints.get(seq);
      checkpoints.put(seq, sign(seq, k.hash()));
    }
    assertTrue(verify(rows, headSeq(), headHash()).valid());
  }

  private ChainVerifier.Result verify(List<EventRow> trail, long headSeq, String headHash) {
    ChainVerifier verifier = new ChainVerifier(headSeq, headHash, checkpoints, signer);
    for (EventRow row : trail) {
      if (!verifier.wantsMore()) {
        break;
      }
      verifier.accept(row);
    }
    return verifier.finish();
  }

  private static void assertInvalidAt(long seq, ChainVerifier.Result r) {
    assertFalse(r.valid(), "tampering must be found");
    assertEquals(seq, r.firstInvalidSeq(), r.reason());
  }

  private long headSeq() {
    return rows.get(rows.size() - 1).seq();
  }

  private String headHash() {
    return rows.get(rows.size() - 1).hash();
  }

  private Checkpoint sign(long seq, String hash) {
    Instant at = Instant.parse("2026-11-22T12:00:00Z").plusSeconds(seq);
    return new Checkpoint(seq, hash, at, signer.kid(), signer.sign(seq, hash, at));
  }

  private static StoredEvent event(long seq, String action) {
    return new StoredEvent(
        seq,
        "00000000-0000-0000-0000-" + String.format("%012d", seq),
        Instant.parse("2026-11-22T10:00:00Z").plusMillis(seq),
        "tenant-1",
        "user",
        "user-" + (seq % 3),
        action,
        "session",
        "s-" + seq,
        "success",
        null,
        "req-" + seq,
        "192.0.2.1");
  }

  private static byte[] secret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }
}
