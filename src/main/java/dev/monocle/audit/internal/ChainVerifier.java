package dev.monocle.audit.internal;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Checks a trail, event by event in sequence order, against the chain head and the signed
 * checkpoints. It reports the lowest sequence number at which the stored trail no longer matches
 * what was appended:
 *
 * <ul>
 *   <li>a changed event, or two events swapped: that event (its hash or link no longer matches);
 *   <li>a deleted event: its sequence number (the next one found is not the one expected);
 *   <li>a truncated tail: the first missing sequence number (the head or a checkpoint is beyond);
 *   <li>a tail rewritten with recomputed hashes: the links hold, but a checkpoint does not. The
 *       rewrite is located to a checkpoint interval: the first event after the last checkpoint that
 *       still matches.
 * </ul>
 *
 * <p>After retention the trail starts after a checkpoint, whose hash anchors the first remaining
 * event. Checkpoints must carry valid signatures (see {@link CheckpointSigner}).
 */
public final class ChainVerifier {

  /** What verification found. {@code firstInvalidSeq} is null when the trail is valid. */
  public record Result(
      boolean valid,
      long checked,
      long headSeq,
      String headHash,
      Long firstInvalidSeq,
      String reason) {

    static Result invalid(long checked, long headSeq, String headHash, long at, String reason) {
      return new Result(false, checked, headSeq, headHash, at, reason);
    }
  }

  private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
  private final CheckpointSigner signer;
  private final long headSeq;
  private final String headHash;
  private final EventHash hasher = new EventHash();

  private long checked;
  private Long expectedSeq;
  private String previousHash;
  private long lastMatchedCheckpoint;
  private Result broken;

  /**
   * @param headSeq the chain head (sequence number and hash) read before the events: events after
   *     it were appended during verification and are not checked.
   */
  ChainVerifier(
      long headSeq, String headHash, Map<Long, Checkpoint> checkpoints, CheckpointSigner signer) {
    this.headSeq = headSeq;
    this.headHash = headHash;
    this.checkpoints.putAll(checkpoints);
    this.signer = signer;
    for (Checkpoint c : this.checkpoints.values()) {
      if (!signer.verify(c)) {
        fail(c.seq(), "checkpoint at seq " + c.seq() + " does not carry a valid signature");
        return;
      }
    }
  }

  /** Whether verification still needs events (false once a break is found). */
  boolean wantsMore() {
    return broken == null;
  }

  /** Checks the next stored event; events must come in ascending sequence order. */
  void accept(EventRow row) {
    if (broken != null || row.seq() > headSeq) {
      return;
    }
    long seq = row.seq();
    if (expectedSeq == null) {
      if (!startsTrail(row)) {
        return;
      }
    } else if (seq != expectedSeq) {
      fail(expectedSeq, "event " + expectedSeq + " is missing or out of order");
      return;
    }
    if (!row.prevHash().equals(previousHash)) {
      fail(seq, "event " + seq + " does not link to the event before it");
      return;
    }
    String computed = hasher.hash(previousHash, row.event());
    if (!computed.equals(row.hash())) {
      fail(seq, "event " + seq + " was changed after it was appended");
      return;
    }
    Checkpoint checkpoint = checkpoints.get(seq);
    if (checkpoint != null) {
      if (!checkpoint.hash().equals(computed)) {
        fail(
            lastMatchedCheckpoint + 1,
            "the trail after seq "
                + lastMatchedCheckpoint
                + " was rewritten: it no longer matches the signed checkpoint at seq "
                + seq);
        return;
      }
      lastMatchedCheckpoint = seq;
    }
    checked++;
    previousHash = computed;
    expectedSeq = seq + 1;
  }

  /** The first event links to the genesis, or (after retention) to the checkpoint before it. */
  private boolean startsTrail(EventRow first) {
    long seq = first.seq();
    if (seq == 1) {
      previousHash = EventHash.GENESIS;
    } else {
      Checkpoint anchor = checkpoints.get(seq - 1);
      if (anchor == null) {
        Long before = checkpoints.floorKey(seq - 1);
        fail(
            before == null ? 1 : before + 1,
            "events before seq " + seq + " are missing and no signed checkpoint anchors the rest");
        return false;
      }
      previousHash = anchor.hash();
      lastMatchedCheckpoint = anchor.seq();
    }
    expectedSeq = seq;
    return true;
  }

  /** The result once every event up to the head has been offered. */
  Result finish() {
    if (broken != null) {
      return broken;
    }
    if (expectedSeq == null) {
      return emptyTrail();
    }
    long last = expectedSeq - 1;
    if (last < headSeq) {
      fail(last + 1, "the trail ends at seq " + last + " but its head is at seq " + headSeq);
    } else if (!previousHash.equals(headHash)) {
      fail(lastMatchedCheckpoint + 1, "the chain head does not match the last event");
    } else if (checkpoints.ceilingKey(last + 1) != null) {
      fail(last + 1, "a signed checkpoint lies beyond the end of the trail");
    }
    return broken != null ? broken : new Result(true, checked, headSeq, headHash, null, null);
  }

  /** No events: a new trail, or one pruned up to a checkpoint that is also its head. */
  private Result emptyTrail() {
    if (headSeq == 0 && checkpoints.isEmpty()) {
      return new Result(true, 0, 0, headHash, null, null);
    }
    Checkpoint atHead = checkpoints.get(headSeq);
    if (atHead != null && atHead.hash().equals(headHash) && checkpoints.lastKey() == headSeq) {
      return new Result(true, 0, headSeq, headHash, null, null);
    }
    Long before = checkpoints.floorKey(headSeq);
    fail(before == null ? 1 : Math.min(before + 1, headSeq), "the trail's events are missing");
    return broken;
  }

  private void fail(long seq, String reason) {
    broken = Result.invalid(checked, headSeq, headHash, seq, reason);
  }
}
