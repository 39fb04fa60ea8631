package dev.monocle.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules are not toothless: a fixture tree ({@code archfixture.monocle}, test code only) breaks
 * each of them once, and each rule reports exactly that break.
 */
class RulesCatchViolationsTest {

  private static final String ROOT = "archfixture.monocle";
  private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

  private static String violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(FIXTURE);
    assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
    return result.getFailureReport().toString();
  }

  @Test
  void aModuleReachingIntoAnotherModulesInternalsIsCaught() {
    String report =
        violations(
            MonocleArchitecture.privatePackages(ROOT).stream()
                .filter(r -> r.getDescription().contains("outside auth"))
                .findFirst()
                .orElseThrow());
    assertTrue(report.contains("FrameResource"), report);
    assertTrue(report.contains("PasswordHasher"), report);
  }

  @Test
  void platformDependingOnAModuleIsCaught() {
    String report = violations(MonocleArchitecture.moduleGraph(ROOT));
    assertTrue(report.contains("archfixture.monocle.platform.Kernel"), report);
    assertTrue(report.contains("archfixture.monocle.audit.AuditTrail"), report);
  }

  @Test
  void anEntityOutsideInternalIsCaught() {
    assertTrue(violations(MonocleArchitecture.entitiesAreInternal(ROOT)).contains("LooseEntity"));
  }

  @Test
  void anEntityManagerInAResourceIsCaught() {
    assertTrue(
        violations(MonocleArchitecture.entityManagerStaysInside(ROOT)).contains("FrameResource"));
  }

  @Test
  void aCycleBetweenModulesIsCaught() {
    assertTrue(violations(MonocleArchitecture.noCycles(ROOT)).contains("Cycle"));
  }

  @Test
  void allowedDependenciesAreNotReported() {
    String report = violations(MonocleArchitecture.moduleGraph(ROOT));
    assertFalse(report.contains("archfixture.monocle.catalog.internal.FrameEntity"), report);
  }
}
