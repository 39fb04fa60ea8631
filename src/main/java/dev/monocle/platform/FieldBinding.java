package dev.monocle.platform;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where an encrypted value lives: its table, column and row. It is the associated data of the
 * ciphertext, so a value copied into another row or column fails to decrypt.
 */
public record FieldBinding(String table, String column, String rowId) {

  public FieldBinding {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rowId, "rowId");
  }

  /** The associated data: the three names joined by NUL, which none of them can contain. */
  public byte[] associatedData() {
    return (table + '\0' + column + '\0' + rowId).getBytes(StandardCharsets.UTF_8);
  }
}
