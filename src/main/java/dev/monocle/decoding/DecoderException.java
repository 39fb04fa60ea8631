package dev.monocle.decoding;

/**
 * A decoder could not translate: its process died, it timed out, or a remote node failed or
 * refused. The coordinator counts it against the node and may retry elsewhere.
 */
public class DecoderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean timeout;

  public DecoderException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public DecoderException(String message, Throwable cause, boolean timeout) {
    super(message, cause);
    this.timeout = timeout;
  }

  /** The decoder did not answer within its time limit. */
  public boolean isTimeout() {
    return timeout;
  }
}
