package dev.monocle.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.it.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/prometheus} checked by promtool (Debian's prometheus package): the scrape
 * configuration and the rules parse, the rule unit tests pass, and they fail when a rule is
 * weakened, so they test something. Every alert the operations issue names has a rule and a test.
 */
@EnabledIfEnvironmentVariable(named = "MONOCLE_TEST_DATABASE", matches = "h2")
class PrometheusRulesIT {

  private static final Path DIR = Path.of("ops", "prometheus");
  private static final List<String> ALERTS =
      List.of(
          "HighAuthFailures",
          "RefreshTokenReuse",
          "AuthorizationDenialSpike",
          "RateLimitSpike",
          "AuditChainInvalid",
          "DecoderPoolDegraded",
          "DecoderPoolDown",
          "CertificateExpiringSoon",
          "CertificateExpiryCritical",
          "High5xxRate",
          "ReadinessFlapping",
          "MonocleScrapeFailing");

  @TempDir Path dir;

  @Test
  void theConfigurationAndRulesAreValid() throws Exception {
    Commands.Result config = promtool("check", "config", DIR.resolve("prometheus.yml").toString());
    assertEquals(0, config.exit(), config.output());
    Commands.Result rules =
        promtool("check", "rules", DIR.resolve("rules/monocle.rules.yml").toString());
    assertEquals(0, rules.exit(), rules.output());
    assertTrue(rules.output().contains(ALERTS.size() + " rules found"), rules.output());
  }

  @Test
  void theRuleTestsPassAndCoverEveryAlert() throws Exception {
    Commands.Result tests =
        promtool("test", "rules", DIR.resolve("tests/monocle.rules.test.yml").toString());
    assertEquals(0, tests.exit(), tests.output());
    String rules = Files.readString(DIR.resolve("rules/monocle.rules.yml"));
    String cases = Files.readString(DIR.resolve("tests/monocle.rules.test.yml"));
    for (String alert : ALERTS) {
      assertTrue(rules.contains("- alert: " + alert + "\n"), "a rule for " + alert);
      assertTrue(cases.contains("alertname: " + alert + "\n"), "a test of " + alert);
    }
    assertTrue(
        rules.contains("expr: sum(rate(authentication_failures_total[5m])) > 10"),
        "the seed's HighAuthFailures rule");
  }

  @Test
  void aWeakenedRuleFailsItsTests() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Path tests = Files.createDirectories(dir.resolve("tests"));
    Files.writeString(
        rules.resolve("monocle.rules.yml"),
        Files.readString(DIR.resolve("rules/monocle.rules.yml"))
            .replace(
                "authentication_failures_total[5m])) > 10",
                "authentication_failures_total[5m])) > 100")
            .replace("min(audit_chain_valid) < 1", "min(audit_chain_valid) < 0"));
    Files.copy(
        DIR.resolve("tests/monocle.rules.test.yml"), tests.resolve("monocle.rules.test.yml"));
    Commands.Result weakened =
        promtool("test", "rules", tests.resolve("monocle.rules.test.yml").toString());
    assertNotEquals(0, weakened.exit(), weakened.output());
    assertTrue(weakened.output().contains("alertname: HighAuthFailures"), weakened.output());
    assertTrue(weakened.output().contains("alertname: AuditChainInvalid"), weakened.output());
  }

  private static Commands.Result promtool(String... args) {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    return Commands.run(command);
  }
}
