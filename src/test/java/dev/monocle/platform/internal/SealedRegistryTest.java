package dev.monocle.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.monocle.platform.SealedColumn;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The re-encryption job finds encrypted columns from annotations, not from a list kept by hand.
 * This test keeps the annotations honest: every binary column the migrations create is a sealed
 * column of the registry (an {@code @Sealed} entity field or a {@code @SealedColumn}), and every
 * registered column exists in the migrations. A new encrypted column that is not annotated would
 * never be re-encrypted, and fails here.
 */
class SealedRegistryTest {

  private static final Pattern CREATE =
      Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern BINARY_COLUMN =
      Pattern.compile("^\\s*(\\w+)\\s+(BYTEA|VARBINARY|BLOB)\\b", Pattern.MULTILINE);
  private static final Pattern ADDED_BINARY =
      Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) (BYTEA|VARBINARY|BLOB)\\b");

  @Test
  void everyBinaryColumnOfTheMigrationsIsRegisteredAndNothingElse() throws IOException {
    List<Class<?>> entities = new ArrayList<>();
    List<Class<?>> beans = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.monocle")) {
      if (type.isAnnotatedWith(Entity.class)) {
        entities.add(type.reflect());
      }
      if (type.isAnnotatedWith(SealedColumn.class)
          || type.isAnnotatedWith(SealedColumn.List.class)) {
        beans.add(type.reflect());
      }
    }
    Set<String> registered = new TreeSet<>();
    for (SealedTable table : SealedTable.registry(entities, beans)) {
      table.columns().forEach(c -> registered.add(table.table() + "." + c));
    }
    assertTrue(registered.contains("catalog_customer.email"), registered.toString());
    assertTrue(registered.contains("translation_decoder_node.api_key"), registered.toString());
    assertEquals(binaryColumnsOfMigrations(), registered);
  }

  @Test
  void tableAndColumnNamesMustBePlainIdentifiers() {
    assertThrows(
        IllegalStateException.class,
        () -> new SealedTable("catalog_customer; DROP TABLE x", "id", List.of("email")));
    assertThrows(IllegalStateException.class, () -> new SealedTable("t", "id", List.of("Email\"")));
  }

  private static Set<String> binaryColumnsOfMigrations() throws IOException {
    Set<String> columns = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("db/migrations"))) {
      files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    for (Path file : files) {
      String sql = Files.readString(file);
      Matcher table = CREATE.matcher(sql);
      while (table.find()) {
        Matcher column = BINARY_COLUMN.matcher(table.group(2));
        while (column.find()) {
          columns.add((table.group(1) + "." + column.group(1)).toLowerCase(Locale.ROOT));
        }
      }
      Matcher added = ADDED_BINARY.matcher(sql);
      while (added.find()) {
        columns.add((added.group(1) + "." + added.group(2)).toLowerCase(Locale.ROOT));
      }
    }
    return columns;
  }
}
