package dev.monocle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.junit.jupiter.api.Test;

/**
 * JAX-RS resources are application-scoped beans: Jersey would otherwise build and inject one per
 * request (a measurable share of a refresh grant's CPU, ops/bench/README.md). So they may hold no
 * request state: request values come in as method parameters, never as injected fields.
 */
class ResourceScopeTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.monocle");

  @Test
  void resourcesAreApplicationScoped() {
    classes()
        .that()
        .areAnnotatedWith(Path.class)
        .should()
        .beAnnotatedWith(ApplicationScoped.class)
        .check(MAIN);
  }

  @Test
  void resourcesHoldNoRequestState() {
    for (var annotation :
        java.util.List.of(
            Context.class,
            QueryParam.class,
            PathParam.class,
            HeaderParam.class,
            CookieParam.class,
            BeanParam.class)) {
      noFields()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(Path.class)
          .should()
          .beAnnotatedWith(annotation)
          .check(MAIN);
    }
  }
}
