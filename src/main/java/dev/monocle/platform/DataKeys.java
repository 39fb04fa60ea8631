package dev.monocle.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The data keys that seal personal data and secrets, as administrators manage them: ids, ages and
 * states (never material), rotation, and the re-encryption that follows it.
 */
public interface DataKeys {

  /**
   * A key of a keyset. {@code state}: {@code primary} (seals new values), {@code retired} (still
   * opens old values until re-encryption moves them), {@code removed} (deleted from the keyset once
   * no value used it).
   */
  record Key(long id, String state, Instant createdAt, Instant retiredAt, Instant removedAt) {}

  /** Where re-encryption stands: {@code state} is {@code running} or {@code finished}. */
  record Progress(
      String id,
      long targetKeyId,
      String state,
      Instant startedAt,
      Instant finishedAt,
      long rowsTotal,
      long rowsScanned,
      long valuesResealed,
      int passes) {

    /** Rows looked at in the first pass against all rows, 0–100. */
    public int percent() {
      if ("finished".equals(state)) {
        return 100;
      }
      return rowsTotal == 0 ? 0 : (int) Math.min(99, rowsScanned * 100 / rowsTotal);
    }
  }

  /** The data keys, the blind-index key, and the newest re-encryption job. */
  record Status(
      long primaryKeyId, List<Key> keys, Key blindIndexKey, Optional<Progress> reencryption) {
    public Status {
      keys = List.copyOf(keys);
    }
  }

  Status status();

  /** A finished blind-index rotation: the new key and how many rows were re-indexed. */
  record BlindIndexRotation(long keyId, long rowsReindexed) {}

  /**
   * Replaces the blind-index key and rebuilds every blind-index column from the sealed values,
   * before it returns (twice: again once every instance has read the new key). Lookups by an
   * indexed value (a customer's email) can miss rows until then: a maintenance operation.
   */
  BlindIndexRotation rotateBlindIndex();

  /**
   * Makes a new primary data key (old keys keep opening) and starts re-encrypting every sealed
   * value onto it in the background; a job still running is pointed at the new key instead.
   */
  Progress rotate();
}
