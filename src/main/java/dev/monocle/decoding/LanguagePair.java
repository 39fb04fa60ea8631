package dev.monocle.decoding;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A translation direction in the API's language codes: ISO 639-1 where the language has one ({@code
 * en}, {@code es}, {@code ca}), else ISO 639-3 ({@code ast}).
 */
public record LanguagePair(String source, String target) implements Comparable<LanguagePair> {

  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

  public LanguagePair {
    if (!isCode(source) || !isCode(target)) {
      throw new IllegalArgumentException("not a language code");
    }
  }

  /** Whether {@code code} has the shape of a language code (two or three lower-case letters). */
  public static boolean isCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /** {@code "en-es"} → en→es; null when the text is not a pair. */
  public static LanguagePair parse(String text, char separator) {
    if (text == null) {
      return null;
    }
    int at = text.indexOf(separator);
    if (at < 0) {
      return null;
    }
    String source = text.substring(0, at).toLowerCase(Locale.ROOT);
    String target = text.substring(at + 1).toLowerCase(Locale.ROOT);
    return isCode(source) && isCode(target) ? new LanguagePair(source, target) : null;
  }

  /**
   * An APy {@code langpair} ({@code en|es} or Apertium's {@code eng|spa}) in API codes; null when
   * the text is not a pair.
   */
  public static LanguagePair fromApy(String langpair) {
    if (langpair == null || langpair.length() > 32) {
      return null;
    }
    int at = langpair.indexOf('|');
    if (at < 0) {
      return null;
    }
    var source = dev.monocle.decoding.internal.LanguageCodes.toApi(langpair.substring(0, at));
    var target = dev.monocle.decoding.internal.LanguageCodes.toApi(langpair.substring(at + 1));
    return source.isPresent() && target.isPresent() && !source.equals(target)
        ? new LanguagePair(source.get(), target.get())
        : null;
  }

  @Override
  public String toString() {
    return source + "-" + target;
  }

  @Override
  public int compareTo(LanguagePair other) {
    return toString().compareTo(other.toString());
  }
}
