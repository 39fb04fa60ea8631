package dev.monocle.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on the CDI bean that writes it, a column that a JDBC store seals itself with {@link
 * FieldCipher} (entities use {@link Sealed} instead). The value must be bound to {@code (table,
 * column, id.toString())}. Together with {@link Sealed} this is how the re-encryption job finds
 * every encrypted column; a build test checks that every binary column of the migrations is one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SealedColumn.List.class)
public @interface SealedColumn {

  String table();

  String column();

  /** The primary-key column whose value (as text) the ciphertext is bound to. */
  String id() default "id";

  /** Several sealed columns on one bean. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    SealedColumn[] value();
  }
}
