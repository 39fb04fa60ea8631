package dev.monocle.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Sealed} field whose value is also kept as a blind index: column {@link #column()}
 * holds {@code BlindIndex.of(purpose, value)}. The module computes the index when it writes; the
 * platform recomputes every such column when the blind-index key is rotated.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BlindIndexed {

  /** The column holding the index. */
  String column();

  /** The purpose passed to {@link BlindIndex#of}, e.g. {@code catalog_customer.email}. */
  String purpose();
}
