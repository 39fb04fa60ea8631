package dev.monocle.decoding;

/**
 * A decoder could not translate: its process died, it timed out, a remote node failed or refused,
 * or (busy) every pipeline stayed taken while the request waited. The coordinator counts a failure
 * against the node and may retry elsewhere; a busy node is not failing, only full.
 */
public class DecoderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean busy;

  public DecoderException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private DecoderException(String message, Throwable cause, boolean busy) {
    super(message, cause);
    this.busy = busy;
  }

  /** The engine had no free capacity within the time limit: load, not a fault. */
  public static DecoderException busy(String message) {
    return new DecoderException(message, null, true);
  }

  /** The engine was full, not broken (see {@link #busy}). */
  public boolean isBusy() {
    return busy;
  }
}
