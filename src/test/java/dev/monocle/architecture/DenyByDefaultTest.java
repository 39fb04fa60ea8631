package dev.monocle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.access.Public;
import dev.monocle.platform.console.ConsolePage;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A route scan: every JAX-RS resource method states who may call it ({@code @Public} or
 * {@code @Allow}, on the method or its class). The access filter refuses the ones that do not
 * anyway; this keeps such an endpoint from being written at all.
 */
class DenyByDefaultTest {

  private static final List<Class<? extends java.lang.annotation.Annotation>> VERBS =
      List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class, HEAD.class);

  @Test
  void everyEndpointHasAnAccessRule() {
    methods()
        .that(
            DescribedPredicate.describe(
                "are JAX-RS endpoints",
                (JavaMethod m) -> VERBS.stream().anyMatch(m::isAnnotatedWith)))
        .should(
            new ArchCondition<JavaMethod>("declare @Public or @Allow on the method or its class") {
              @Override
              public void check(JavaMethod m, ConditionEvents events) {
                boolean ruled =
                    m.isAnnotatedWith(Public.class)
                        || m.isAnnotatedWith(Allow.class)
                        || m.getOwner().isAnnotatedWith(Public.class)
                        || m.getOwner().isAnnotatedWith(Allow.class);
                if (!ruled) {
                  events.add(
                      SimpleConditionEvent.violated(m, m.getFullName() + " has no access rule"));
                }
              }
            })
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.monocle"));
  }

  @Test
  void everyConsolePageHasAnAccessRuleAndOnlySignInIsPublic() {
    classes()
        .that()
        .areAssignableTo(ConsolePage.class)
        .and()
        .doNotHaveModifier(JavaModifier.ABSTRACT)
        .should(
            new ArchCondition<JavaClass>("declare exactly one of @Public or @Allow") {
              @Override
              public void check(JavaClass page, ConditionEvents events) {
                boolean open = page.isAnnotatedWith(Public.class);
                boolean allow = page.isAnnotatedWith(Allow.class);
                if (open == allow) {
                  events.add(
                      SimpleConditionEvent.violated(page, page.getName() + " needs one rule"));
                }
                if (open && !page.getSimpleName().equals("ConsoleSignIn")) {
                  events.add(
                      SimpleConditionEvent.violated(
                          page, page.getName() + " is public: only signing in is"));
                }
              }
            })
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.monocle"));
  }
}
