package dev.monocle.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JPA entity listener that encrypts every {@link Sealed} field on write and decrypts it on read.
 * Entities name it in {@code @EntityListeners}. An entity must assign its id before it is persisted
 * (Monocle's ids are UUIDs made in Java), because the ciphertext is bound to the row.
 *
 * <p>Setters of a sealed field must also set the ciphertext field to {@link #resealMarker()}, so
 * that the persistence provider sees a change (even from null to null) and {@code @PreUpdate} runs.
 */
public class SealedFieldListener {

  private static volatile FieldCipher cipher;
  private static final Map<Class<?>, List<SealedField>> FIELDS = new ConcurrentHashMap<>();

  /** What a setter puts into the ciphertext field: a change the listener then replaces. */
  public static byte[] resealMarker() {
    return new byte[0];
  }

  /** Installs the cipher; the platform does this once key material is loaded. */
  public static void use(FieldCipher fieldCipher) {
    cipher = fieldCipher;
  }

  @PrePersist
  @PreUpdate
  public void seal(Object entity) {
    FieldCipher c = requireCipher();
    for (SealedField field : fieldsOf(entity.getClass())) {
      String plaintext = field.plaintextOf(entity);
      byte[] sealed = plaintext == null ? null : c.seal(plaintext, field.binding(entity));
      field.setCiphertext(entity, sealed);
    }
  }

  @PostLoad
  public void open(Object entity) {
    FieldCipher c = requireCipher();
    for (SealedField field : fieldsOf(entity.getClass())) {
      byte[] sealed = field.ciphertextOf(entity);
      String plaintext = sealed == null ? null : c.open(sealed, field.binding(entity));
      field.setPlaintext(entity, plaintext);
    }
  }

  /** The sealed fields of an entity class, as the re-encryption job and tests need them. */
  public static List<SealedField> fieldsOf(Class<?> entityClass) {
    return FIELDS.computeIfAbsent(entityClass, SealedFieldListener::scan);
  }

  private static FieldCipher requireCipher() {
    FieldCipher c = cipher;
    if (c == null) {
      throw new IllegalStateException("key material is not loaded yet");
    }
    return c;
  }

  private static List<SealedField> scan(Class<?> type) {
    Table table = type.getAnnotation(Table.class);
    if (table == null || table.name().isEmpty()) {
      throw new IllegalStateException(type.getName() + " has sealed fields but no @Table(name)");
    }
    Field id = null;
    List<Field> declared = new ArrayList<>();
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      declared.addAll(List.of(c.getDeclaredFields()));
    }
    for (Field f : declared) {
      if (f.isAnnotationPresent(Id.class)) {
        id = f;
      }
    }
    List<SealedField> result = new ArrayList<>();
    for (Field plaintext : declared) {
      Sealed sealed = plaintext.getAnnotation(Sealed.class);
      if (sealed == null) {
        continue;
      }
      if (id == null) {
        throw new IllegalStateException(type.getName() + " has sealed fields but no @Id");
      }
      Field ciphertext =
          declared.stream()
              .filter(f -> f.getName().equals(sealed.into()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          type.getName()
                              + "."
                              + plaintext.getName()
                              + ": no field "
                              + sealed.into()));
      if (ciphertext.getType() != byte[].class || plaintext.getType() != String.class) {
        throw new IllegalStateException(
            type.getName() + "." + plaintext.getName() + " must be String sealed into byte[]");
      }
      String columnName = columnOf(ciphertext);
      plaintext.setAccessible(true);
      ciphertext.setAccessible(true);
      id.setAccessible(true);
      BlindIndexed indexed = plaintext.getAnnotation(BlindIndexed.class);
      result.add(
          new SealedField(
              table.name(), columnName, columnOf(id), id, plaintext, ciphertext, indexed));
    }
    return List.copyOf(result);
  }

  private static String columnOf(Field field) {
    Column column = field.getAnnotation(Column.class);
    return column != null && !column.name().isEmpty() ? column.name() : field.getName();
  }

  /** One sealed column of an entity: where its plaintext and ciphertext live. */
  public static final class SealedField {
    private final String table;
    private final String column;
    private final String idColumn;
    private final Field id;
    private final Field plaintext;
    private final Field ciphertext;
    private final BlindIndexed blindIndex;

    SealedField(
        String table,
        String column,
        String idColumn,
        Field id,
        Field plaintext,
        Field ciphertext,
        BlindIndexed blindIndex) {
      this.table = table;
      this.column = column;
      this.idColumn = idColumn;
      this.blindIndex = blindIndex;
      this.id = id;
      this.plaintext = plaintext;
      this.ciphertext = ciphertext;
    }

    public String table() {
      return table;
    }

    public String column() {
      return column;
    }

    /** The blind index kept of this column, or null. */
    public BlindIndexed blindIndex() {
      return blindIndex;
    }

    /** The row's id column, whose value (as text) the ciphertext is bound to. */
    public String idColumn() {
      return idColumn;
    }

    /** The binding of this column in the row of {@code entity}. */
    public FieldBinding binding(Object entity) {
      Object rowId = get(id, entity);
      if (rowId == null) {
        throw new IllegalStateException(table + " row has no id yet: assign it before persisting");
      }
      return new FieldBinding(table, column, rowId.toString());
    }

    /** The stored ciphertext of this column in {@code entity} (for re-encryption). */
    public byte[] ciphertextOf(Object entity) {
      byte[] value = (byte[]) get(ciphertext, entity);
      return value == null ? null : value.clone();
    }

    String plaintextOf(Object entity) {
      return (String) get(plaintext, entity);
    }

    void setCiphertext(Object entity, byte[] value) {
      set(ciphertext, entity, value);
    }

    void setPlaintext(Object entity, String value) {
      set(plaintext, entity, value);
    }

    private static Object get(Field field, Object entity) {
      try {
        return field.get(entity);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static void set(Field field, Object entity, Object value) {
      try {
        field.set(entity, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
