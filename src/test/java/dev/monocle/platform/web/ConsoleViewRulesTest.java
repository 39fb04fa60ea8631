package dev.monocle.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's views escape everything they print: an expression may appear only as an attribute
 * of a JSP tag ({@code <c:out value="${...}"/>}, {@code <c:if test="${...}">}, ...), never in
 * template text or a plain HTML attribute, where JSP would print it raw. No view unescapes, runs
 * script, or styles inline (the page CSP would block those anyway).
 */
class ConsoleViewRulesTest {

  private static final Path VIEWS = Path.of("src", "main", "webapp", "WEB-INF");
  private static final Pattern TAG_START = Pattern.compile("<(c|m|fn|jsp):[a-zA-Z]+\\b");
  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("escapeXml\\s*=\\s*[\"']false", Pattern.CASE_INSENSITIVE),
          Pattern.compile("<script", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE),
          Pattern.compile("<style", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
          Pattern.compile("<%(?!@|--)"),
          Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

  @Test
  void everyExpressionIsATagAttributeAndNothingRunsScript() throws IOException {
    List<Path> views = views();
    assertFalse(views.isEmpty());
    List<String> problems = new ArrayList<>();
    for (Path view : views) {
      problems.addAll(problems(view.toString(), Files.readString(view)));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theRuleCatchesRawExpressions() {
    assertEquals(1, problems("t", "<td>${user.name()}</td>").size());
    assertEquals(1, problems("t", "<a href=\"${url}\">x</a>").size());
    assertEquals(1, problems("t", "<c:out value=\"${x}\" escapeXml=\"false\"/>").size());
    assertEquals(1, problems("t", "<div onclick=\"go()\">").size());
    assertEquals(0, problems("t", "<td><c:out value=\"${user.name()}\"/></td>").size());
    assertEquals(
        0, problems("t", "<a href=\"<c:out value='${base}'/>/x\" class=\"a\">x</a>").size());
    assertEquals(0, problems("t", "<c:if test=\"${a and b}\"><p>x</p></c:if>").size());
  }

  static List<String> problems(String name, String text) {
    List<String> problems = new ArrayList<>();
    for (Pattern forbidden : FORBIDDEN) {
      Matcher m = forbidden.matcher(text);
      while (m.find()) {
        problems.add(name + ":" + line(text, m.start()) + " has " + m.group());
      }
    }
    int at = text.indexOf("${");
    while (at >= 0) {
      if (!insideJspTag(text, at)) {
        problems.add(name + ":" + line(text, at) + " prints an expression unescaped");
      }
      at = text.indexOf("${", at + 2);
    }
    return problems;
  }

  /** Whether the nearest unclosed {@code <} before {@code at} opens a JSP tag. */
  private static boolean insideJspTag(String text, int at) {
    int open = text.lastIndexOf('<', at);
    if (open < 0 || text.lastIndexOf('>', at) > open) {
      return false;
    }
    return TAG_START.matcher(text).region(open, at).lookingAt();
  }

  private static int line(String text, int at) {
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static List<Path> views() throws IOException {
    try (Stream<Path> files = Files.walk(VIEWS)) {
      return files
          .filter(p -> p.toString().endsWith(".jsp") || p.toString().endsWith(".tag"))
          .sorted()
          .toList();
    }
  }
}
