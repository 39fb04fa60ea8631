package dev.monocle.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code ops/docker/Dockerfile} and the build context {@code .dockerignore} (SECURITY.md,
 * "Image Security"): the base image is pinned to a tag or digest and never {@code latest}; a
 * numeric non-root {@code USER} follows the last {@code RUN}; a {@code HEALTHCHECK} calls {@code
 * /health/ready}; the {@code ENTRYPOINT} is in exec form; no {@code ENV} or {@code ARG} has a
 * secret-looking name; no {@code ADD} fetches a URL; {@code COPY} brings in only the Payara Micro
 * jar, the WAR and the launcher, and the build context holds nothing else; apt installs no
 * recommended packages and leaves no package lists. A bad Dockerfile shows each check failing.
 */
class DockerfileTest {

  private static final Path DOCKERFILE = Path.of("ops", "docker", "Dockerfile");
  private static final Path DOCKERIGNORE = Path.of(".dockerignore");
  private static final Set<String> COPIED =
      Set.of("target/monocle-micro.jar", "target/monocle.war", "ops/payara/start");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(KEY|KEK|SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE).*");
  private static final Pattern APT_INSTALL =
      Pattern.compile("\\bapt(?:-get)?\\s+(?:-\\S+\\s+)*install\\b");
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\\}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  /** One instruction: its keyword in capitals and its arguments, continuation lines joined. */
  record Instruction(int line, String keyword, String arguments) {

    @Override
    public String toString() {
      return "line " + line + " " + keyword + " " + arguments;
    }
  }

  @Test
  void theBaseImageIsPinnedAndNotLatest() throws IOException {
    assertNoProblems(baseImageProblems(dockerfile()));
  }

  @Test
  void aNumericNonRootUserFollowsTheLastRun() throws IOException {
    assertNoProblems(userProblems(dockerfile()));
  }

  @Test
  void theHealthCheckCallsReadinessAndTheEntrypointIsExecForm() throws IOException {
    assertNoProblems(healthCheckProblems(dockerfile()));
    assertNoProblems(entrypointProblems(dockerfile()));
  }

  @Test
  void noSecretIsBakedInAndNothingIsFetched() throws IOException {
    assertNoProblems(secretProblems(dockerfile()));
    assertNoProblems(addProblems(dockerfile()));
  }

  @Test
  void onlyTheJarTheWarAndTheLauncherAreCopied() throws IOException {
    assertNoProblems(copyProblems(dockerfile()));
  }

  @Test
  void aptInstallsNoRecommendedPackagesAndKeepsNoLists() throws IOException {
    assertNoProblems(aptProblems(dockerfile()));
  }

  @Test
  void theBuildContextHoldsOnlyWhatIsCopied() throws IOException {
    List<String> rules =
        Files.readAllLines(DOCKERIGNORE).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertFalse(rules.isEmpty(), DOCKERIGNORE + " is empty");
    assertTrue(
        rules.get(0).equals("*") || rules.get(0).equals("**"),
        DOCKERIGNORE + " must first exclude everything: " + rules);
    Set<String> admitted =
        rules.stream()
            .filter(rule -> rule.startsWith("!"))
            .map(rule -> rule.substring(1))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(COPIED), admitted, DOCKERIGNORE + " admits only the copied files");
  }

  @Test
  void aBadDockerfileIsReportedOnEachCount() {
    List<Instruction> bad =
        parse(
            """
            FROM python:latest
            ENV DB_PASSWORD=hunter2 MODE=prod
            ARG API_TOKEN
            ADD https://example.com/tool.tar.gz /opt/
            COPY . /app
            USER 10001
            RUN apt-get update \\
             && apt-get install -y curl
            HEALTHCHECK CMD curl -f http://localhost/ || exit 1
            ENTRYPOINT python /app/main.py
            """);
    String report = String.join("\n", problems(bad));
    for (String expected :
        List.of(
            "base image python:latest",
            "DB_PASSWORD",
            "API_TOKEN",
            "ADD fetches",
            "COPY of .",
            "nothing copies target/monocle.war",
            "runs after the last USER, as 10001",
            "without --no-install-recommends",
            "leaves /var/lib/apt/lists",
            "no HEALTHCHECK on /health/ready",
            "ENTRYPOINT is not in exec form")) {
      assertTrue(report.contains(expected), "expected " + expected + " in:\n" + report);
    }
    assertFalse(report.contains("MODE"), report);
    assertFalse(report.contains("hunter2"), "a finding must not repeat a secret value: " + report);
  }

  @Test
  void rootUsersUnpinnedBasesAndArgumentsInTheBaseAreCaught() {
    assertEquals(
        List.of("line 3 USER 0:0: not a numeric non-root uid"),
        userProblems(parse("FROM debian:12\nRUN true\nUSER 0:0\n")));
    assertEquals(
        List.of("line 2 FROM ${BASE}: base image debian is not pinned to a tag, or is latest"),
        baseImageProblems(parse("ARG BASE=debian\nFROM ${BASE}\n")));
    assertEquals(
        List.of(), baseImageProblems(parse("ARG BASE=debian:12-slim\nFROM ${BASE} AS run\n")));
    assertEquals(
        List.of(
            "line 2 USER root: not a numeric non-root uid",
            "line 3 RUN make runs after the last USER, as root"),
        userProblems(parse("FROM debian:12\nUSER root\nRUN make\n")));
    assertEquals(List.of(), entrypointProblems(parse("FROM debian:12\nENTRYPOINT [\"/start\"]\n")));
    assertEquals(
        List.of("ENTRYPOINT is not in exec form: line 2 ENTRYPOINT /start"),
        entrypointProblems(parse("FROM debian:12\nENTRYPOINT /start\n")));
  }

  // The checks.

  static List<String> problems(List<Instruction> instructions) {
    List<String> problems = new ArrayList<>();
    problems.addAll(baseImageProblems(instructions));
    problems.addAll(userProblems(instructions));
    problems.addAll(healthCheckProblems(instructions));
    problems.addAll(entrypointProblems(instructions));
    problems.addAll(secretProblems(instructions));
    problems.addAll(addProblems(instructions));
    problems.addAll(copyProblems(instructions));
    problems.addAll(aptProblems(instructions));
    return problems;
  }

  /** Every FROM names a tag other than latest or a digest, after ARG defaults are put in. */
  static List<String> baseImageProblems(List<Instruction> instructions) {
    List<String> problems = new ArrayList<>();
    Map<String, String> arguments = new HashMap<>();
    Set<String> stages = new HashSet<>();
    boolean from = false;
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("ARG") && !from) {
        for (String word : words(instruction.arguments())) {
          int equals = word.indexOf('=');
          if (equals > 0) {
            arguments.put(word.substring(0, equals), unquote(word.substring(equals + 1)));
          }
        }
      }
      if (instruction.keyword().equals("FROM")) {
        from = true;
        List<String> words =
            words(instruction.arguments()).stream().filter(w -> !w.startsWith("--")).toList();
        String image = words.isEmpty() ? "" : substitute(words.get(0), arguments);
        if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
          stages.add(words.get(2));
        }
        if (!stages.contains(image) && !image.equals("scratch") && !pinned(image)) {
          problems.add(
              instruction + ": base image " + image + " is not pinned to a tag, or is latest");
        }
      }
    }
    if (!from) {
      problems.add("no FROM");
    }
    return problems;
  }

  /** The final stage ends as a numeric, non-zero uid set after its last RUN. */
  static List<String> userProblems(List<Instruction> instructions) {
    List<Instruction> stage = finalStage(instructions);
    Instruction user = last(stage, "USER");
    Instruction run = last(stage, "RUN");
    if (user == null) {
      return List.of("no USER: the image would run as root");
    }
    List<String> problems = new ArrayList<>();
    String uid = user.arguments().split(":", 2)[0].strip();
    if (!uid.matches("\\d+") || uid.matches("0+")) {
      problems.add(user + ": not a numeric non-root uid");
    }
    if (run != null && run.line() > user.line()) {
      problems.add(run + " runs after the last USER, as " + user.arguments());
    }
    return problems;
  }

  static List<String> healthCheckProblems(List<Instruction> instructions) {
    Instruction check = last(finalStage(instructions), "HEALTHCHECK");
    return check != null
            && !check.arguments().toUpperCase(Locale.ROOT).startsWith("NONE")
            && check.arguments().contains("/health/ready")
        ? List.of()
        : List.of("no HEALTHCHECK on /health/ready");
  }

  static List<String> entrypointProblems(List<Instruction> instructions) {
    Instruction entrypoint = last(finalStage(instructions), "ENTRYPOINT");
    if (entrypoint == null) {
      return List.of("no ENTRYPOINT");
    }
    return entrypoint.arguments().startsWith("[") && entrypoint.arguments().endsWith("]")
        ? List.of()
        : List.of("ENTRYPOINT is not in exec form: " + entrypoint);
  }

  /** No ENV or ARG has a secret-looking name (a *_FILE names a file and is allowed). */
  static List<String> secretProblems(List<Instruction> instructions) {
    List<String> problems = new ArrayList<>();
    for (Instruction instruction : instructions) {
      if (!instruction.keyword().equals("ENV") && !instruction.keyword().equals("ARG")) {
        continue;
      }
      for (String name : declaredNames(instruction)) {
        if (SECRET_NAME.matcher(name).matches() && !name.endsWith("_FILE")) {
          // the line and name only: a finding must not repeat a value
          problems.add(
              "line "
                  + instruction.line()
                  + " "
                  + instruction.keyword()
                  + ": "
                  + name
                  + " looks like a secret baked into the image");
        }
      }
    }
    return problems;
  }

  static List<String> addProblems(List<Instruction> instructions) {
    List<String> problems = new ArrayList<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("ADD")
          && (instruction.arguments().contains("://")
              || instruction.arguments().contains("git@"))) {
        problems.add(instruction + ": ADD fetches from the network");
      }
    }
    return problems;
  }

  /** COPY takes only the three build outputs, from the build context, and takes each of them. */
  static List<String> copyProblems(List<Instruction> instructions) {
    List<String> problems = new ArrayList<>();
    Set<String> copied = new HashSet<>();
    for (Instruction instruction : instructions) {
      if (!instruction.keyword().equals("COPY")) {
        continue;
      }
      List<String> words = copyWords(instruction.arguments());
      if (words.stream().anyMatch(w -> w.startsWith("--from"))) {
        problems.add(instruction + ": COPY from another stage or image");
      }
      List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
      for (String source : paths.subList(0, Math.max(0, paths.size() - 1))) {
        String normalised = source.replaceFirst("^\\./", "");
        if (COPIED.contains(normalised)) {
          copied.add(normalised);
        } else {
          problems.add(
              instruction + ": COPY of " + source + ", not one of " + new TreeSet<>(COPIED));
        }
      }
    }
    for (String file : new TreeSet<>(COPIED)) {
      if (!copied.contains(file)) {
        problems.add("nothing copies " + file);
      }
    }
    return problems;
  }

  /** Each apt install skips recommended packages; a RUN that uses apt removes its lists. */
  static List<String> aptProblems(List<Instruction> instructions) {
    List<String> problems = new ArrayList<>();
    for (Instruction run : instructions) {
      if (!run.keyword().equals("RUN")) {
        continue;
      }
      boolean apt = false;
      for (String command : run.arguments().split("&&|\\|\\||;|\\|")) {
        if (APT_INSTALL.matcher(command).find()) {
          apt = true;
          if (!command.contains("--no-install-recommends")) {
            problems.add(run + ": apt install without --no-install-recommends");
          }
        }
      }
      if ((apt || run.arguments().contains("apt-get update"))
          && !run.arguments().contains("rm -rf /var/lib/apt/lists")) {
        problems.add(run + ": leaves /var/lib/apt/lists in the image");
      }
    }
    return problems;
  }

  /** Whether an image reference has a tag other than latest, or a digest. */
  static boolean pinned(String image) {
    return KubernetesManifestsTest.pinned(image);
  }

  // Parsing.

  private static List<Instruction> dockerfile() throws IOException {
    return parse(Files.readString(DOCKERFILE));
  }

  /**
   * The instructions of a Dockerfile: comment lines dropped (also inside continuations), lines
   * ending in a backslash joined to the next. Heredocs and a changed escape character are not
   * supported; Monocle's Dockerfile uses neither.
   */
  static List<Instruction> parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    StringBuilder current = null;
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean continued = line.endsWith("\\");
      String content = continued ? line.substring(0, line.length() - 1).strip() : line;
      if (current == null) {
        current = new StringBuilder(content);
        start = i + 1;
      } else {
        current.append(' ').append(content);
      }
      if (!continued) {
        instructions.add(instruction(start, current.toString()));
        current = null;
      }
    }
    if (current != null) {
      instructions.add(instruction(start, current.toString()));
    }
    return instructions;
  }

  private static Instruction instruction(int line, String text) {
    String[] parts = text.split("\\s+", 2);
    return new Instruction(
        line, parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
  }

  /** The instructions from the last FROM on. */
  private static List<Instruction> finalStage(List<Instruction> instructions) {
    int from = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        from = i;
      }
    }
    return instructions.subList(from, instructions.size());
  }

  private static Instruction last(List<Instruction> instructions, String keyword) {
    Instruction found = null;
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals(keyword)) {
        found = instruction;
      }
    }
    return found;
  }

  /** The names an ENV or ARG declares: {@code ENV A=1 B=2}, {@code ENV A 1}, {@code ARG A}. */
  private static List<String> declaredNames(Instruction instruction) {
    List<String> words = words(instruction.arguments());
    if (words.isEmpty()) {
      return List.of();
    }
    if (instruction.keyword().equals("ENV") && !words.get(0).contains("=")) {
      return List.of(words.get(0));
    }
    return words.stream().map(w -> w.contains("=") ? w.substring(0, w.indexOf('=')) : w).toList();
  }

  /** The sources and destination of a COPY, in shell or exec (JSON array) form, with flags. */
  private static List<String> copyWords(String arguments) {
    if (!arguments.startsWith("[")) {
      return words(arguments);
    }
    List<String> words = new ArrayList<>();
    Matcher quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(arguments);
    while (quoted.find()) {
      words.add(quoted.group(1));
    }
    return words;
  }

  /** Whitespace-separated words; quotes group words and stay in place, as in the Dockerfile. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      if (c == '\\' && i + 1 < text.length()) {
        word.append(c).append(text.charAt(++i));
        continue;
      }
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static String unquote(String value) {
    return value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /** {@code ${NAME}}, {@code ${NAME:-default}} and {@code $NAME} replaced by ARG defaults. */
  private static String substitute(String text, Map<String, String> arguments) {
    Matcher variable = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(1) != null ? variable.group(1) : variable.group(3);
      String fallback = variable.group(2) != null ? variable.group(2) : "";
      variable.appendReplacement(
          result, Matcher.quoteReplacement(arguments.getOrDefault(name, fallback)));
    }
    variable.appendTail(result);
    return result.toString();
  }

  private static void assertNoProblems(List<String> problems) {
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " problem(s) in "
                + DOCKERFILE
                + ":\n  "
                + String.join("\n  ", problems));
  }
}
