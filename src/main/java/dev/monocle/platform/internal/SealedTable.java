package dev.monocle.platform.internal;

import dev.monocle.platform.Sealed;
import dev.monocle.platform.SealedColumn;
import dev.monocle.platform.SealedFieldListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A table with sealed columns, as the re-encryption job walks it. {@link #registry} is the one list
 * of every encrypted column in Monocle: the {@link Sealed} fields of the entities and the {@link
 * SealedColumn} declarations of JDBC stores. Nobody keeps that list by hand.
 */
record SealedTable(String table, String idColumn, List<String> columns) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  SealedTable {
    for (String name : concat(table, idColumn, columns)) {
      // The names go into SQL text: only plain lower-case identifiers are accepted.
      if (!NAME.matcher(name).matches()) {
        throw new IllegalStateException("not a plain SQL identifier: " + name);
      }
    }
    columns = List.copyOf(columns);
  }

  private static List<String> concat(String table, String id, List<String> columns) {
    List<String> all = new ArrayList<>(columns);
    all.add(table);
    all.add(id);
    return all;
  }

  /** The sealed tables of these entity classes and declaring beans, by table name. */
  static List<SealedTable> registry(Collection<Class<?>> entities, Collection<Class<?>> beans) {
    Map<String, String> ids = new TreeMap<>();
    Map<String, TreeSet<String>> columns = new TreeMap<>();
    for (Class<?> entity : entities) {
      for (SealedFieldListener.SealedField field : SealedFieldListener.fieldsOf(entity)) {
        add(ids, columns, field.table(), field.idColumn(), field.column(), entity);
      }
    }
    for (Class<?> bean : beans) {
      for (SealedColumn declared : bean.getAnnotationsByType(SealedColumn.class)) {
        add(ids, columns, declared.table(), declared.id(), declared.column(), bean);
      }
    }
    List<SealedTable> tables = new ArrayList<>();
    columns.forEach(
        (table, names) -> tables.add(new SealedTable(table, ids.get(table), List.copyOf(names))));
    return List.copyOf(tables);
  }

  private static void add(
      Map<String, String> ids,
      Map<String, TreeSet<String>> columns,
      String table,
      String id,
      String column,
      Class<?> source) {
    String t = table.toLowerCase(Locale.ROOT);
    String i = id.toLowerCase(Locale.ROOT);
    String previous = ids.putIfAbsent(t, i);
    if (previous != null && !previous.equals(i)) {
      throw new IllegalStateException(
          source.getName() + " binds " + t + " to id column " + i + ", elsewhere " + previous);
    }
    columns.computeIfAbsent(t, k -> new TreeSet<>()).add(column.toLowerCase(Locale.ROOT));
  }
}
