package dev.monocle.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Transient String} field of an entity as the plaintext of an encrypted column.
 * {@link SealedFieldListener} seals it into the {@code byte[]} field named by {@link #into()} when
 * the entity is written and opens it again when it is read, bound to the entity's table, that
 * column and the row id. This annotation is also how the re-encryption job finds every encrypted
 * field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Sealed {

  /** The persistent {@code byte[]} field that holds the ciphertext. */
  String into();
}
