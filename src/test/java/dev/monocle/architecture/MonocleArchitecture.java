package dev.monocle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The module rules of architecture.md, for a root package ({@code dev.monocle} for the product, a
 * fixture root in the tests that prove the rules bite).
 */
final class MonocleArchitecture {

  /** Each module and the modules it may use (architecture.md, "Modules"). */
  static final Map<String, List<String>> ALLOWED =
      Map.of(
          "platform", List.of(),
          "audit", List.of("platform"),
          "auth", List.of("platform", "audit"),
          "decoding", List.of("platform"),
          "translation", List.of("decoding", "auth", "audit", "platform"),
          "catalog", List.of("translation", "auth", "audit", "platform"));

  private MonocleArchitecture() {}

  /** Only the dependencies of the table above, and platform depends on no module. */
  static ArchRule moduleGraph(String root) {
    var layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String module : ALLOWED.keySet()) {
      layers = layers.layer(module).definedBy(root + "." + module + "..");
    }
    var rule = layers.whereLayer("platform").mayNotAccessAnyLayer();
    for (var entry : ALLOWED.entrySet()) {
      if (!entry.getKey().equals("platform")) {
        rule =
            rule.whereLayer(entry.getKey())
                .mayOnlyAccessLayers(entry.getValue().toArray(String[]::new));
      }
    }
    return rule.withOptionalLayers(true);
  }

  /** Nobody outside a module reaches into its {@code internal} or {@code web} packages. */
  static List<ArchRule> privatePackages(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (String module : ALLOWED.keySet()) {
      String home = root + "." + module + "..";
      rules.add(
          noClasses()
              .that()
              .resideOutsideOfPackage(home)
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(
                  root + "." + module + ".internal..", root + "." + module + ".web..")
              .as("nobody outside " + module + " uses its internal or web packages")
              .allowEmptyShould(true));
    }
    return rules;
  }

  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
  }

  static ArchRule entitiesAreInternal(String root) {
    return classes()
        .that()
        .areAnnotatedWith(Entity.class)
        .and()
        .resideInAPackage(root + "..")
        .should()
        .resideInAPackage("..internal..")
        .allowEmptyShould(true);
  }

  static ArchRule entityManagerStaysInside(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackages("..internal..", root + ".platform..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(EntityManager.class)
        .allowEmptyShould(true);
  }

  static List<ArchRule> all(String root) {
    List<ArchRule> rules = new ArrayList<>();
    rules.add(moduleGraph(root));
    rules.addAll(privatePackages(root));
    rules.add(noCycles(root));
    rules.add(entitiesAreInternal(root));
    rules.add(entityManagerStaysInside(root));
    return rules;
  }
}
