package dev.monocle.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words for free-text search, made the same way for the stored text and for a query: lower case,
 * split at anything but letters and digits. PostgreSQL indexes the stored words with its 'simple'
 * configuration (one lexeme per word, no stemming) and H2 matches them with LIKE, so both engines
 * find the same frames: every query word must start a word of the frame.
 */
public final class SearchWords {

  static final int MAX_QUERY_WORDS = 8;
  static final int MAX_WORD = 40;

  private SearchWords() {}

  /** The stored form: each distinct word preceded by one space (so " word" starts a word). */
  public static String document(String... texts) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      words.addAll(split(text));
    }
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (out.length() + w.length() + 1 > 11_000) {
        break;
      }
      out.append(' ').append(w);
    }
    return out.toString();
  }

  /** The words of a query, at most {@value #MAX_QUERY_WORDS}, each cut to {@value #MAX_WORD}. */
  public static List<String> query(String q) {
    List<String> words = new ArrayList<>();
    for (String w : new LinkedHashSet<>(split(q))) {
      if (words.size() == MAX_QUERY_WORDS) {
        break;
      }
      words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
    }
    return words;
  }

  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
      i += Character.charCount(cp);
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }
}
