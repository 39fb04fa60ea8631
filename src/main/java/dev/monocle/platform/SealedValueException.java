package dev.monocle.platform;

/** A sealed value did not decrypt: tampered, moved to another row or column, or key unknown. */
public class SealedValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SealedValueException(FieldBinding binding, Throwable cause) {
    super("sealed value of " + binding.table() + "." + binding.column() + " did not open", cause);
  }
}
