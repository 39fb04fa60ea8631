package dev.monocle.decoding.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text into Apertium's stream format and back, so that any text is a translatable segment and
 * nothing in it can steer the pipeline. The characters the format reserves ({@code \ [ ] ^ $ / < >
 * { } @}) are escaped with a backslash, as {@code apertium-destxt} does. Runs of characters a
 * pipeline must not see (NUL is its flush mark; other control characters, line breaks, the tilde,
 * unpaired surrogates and non-characters) are lifted out of the text: a superblank {@code [#n]}
 * stands in for the n-th run, Apertium passes superblanks through untouched, and {@link #decode}
 * puts the run back.
 */
final class StreamFormat {

  private StreamFormat() {}

  /** A segment in stream format and the runs lifted out of it. */
  record Encoded(String stream, List<String> lifted) {
    Encoded {
      lifted = List.copyOf(lifted);
    }
  }

  static Encoded encode(String text) {
    StringBuilder stream = new StringBuilder(text.length() + 16);
    List<String> lifted = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = unsafeRunEnd(text, i);
      if (end > i) {
        stream.append("[#").append(lifted.size()).append(']');
        lifted.add(text.substring(i, end));
        i = end;
        continue;
      }
      char c = text.charAt(i);
      if (isReserved(c)) {
        stream.append('\\');
      }
      stream.append(c);
      if (Character.isHighSurrogate(c)) {
        stream.append(text.charAt(i + 1)); // a valid pair, or unsafeRunEnd would have lifted it
        i++;
      }
      i++;
    }
    return new Encoded(stream.toString(), lifted);
  }

  /**
   * Turns a pipeline's answer back into text: escapes undone, superblanks opened, lifted runs put
   * back where their placeholders went. Stream-format syntax that reaches the end of a pipeline
   * ({@code ^...$} of an untranslated unit) is shown as its surface text.
   */
  static String decode(String stream, List<String> lifted) {
    StringBuilder text = new StringBuilder(stream.length());
    int i = 0;
    int n = stream.length();
    while (i < n) {
      char c = stream.charAt(i);
      if (c == '\\' && i + 1 < n) {
        text.append(stream.charAt(i + 1));
        i += 2;
      } else if (c == '[') {
        int close = closing(stream, i + 1);
        String content = stream.substring(i + 1, close);
        text.append(placeholderOrText(content, lifted));
        i = Math.min(close + 1, n);
      } else if (c == '^' || c == '$') {
        i++;
      } else {
        text.append(c);
        i++;
      }
    }
    return text.toString();
  }

  private static String placeholderOrText(String content, List<String> lifted) {
    if (content.length() > 1 && content.charAt(0) == '#') {
      try {
        int index = Integer.parseInt(content.substring(1));
        if (index >= 0 && index < lifted.size()) {
          return lifted.get(index);
        }
      } catch (NumberFormatException notAPlaceholder) {
        // an ordinary superblank
      }
    }
    if (content.startsWith("[") && content.endsWith("]")) {
      return ""; // a word-bound blank's annotation: not text
    }
    return decode(content, List.of());
  }

  /**
   * The index of the ']' that closes a superblank opened before {@code from}, honouring escapes.
   */
  private static int closing(String stream, int from) {
    int depth = 0;
    for (int i = from; i < stream.length(); i++) {
      char c = stream.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return stream.length();
  }

  static boolean isReserved(char c) {
    return switch (c) {
      case '\\', '[', ']', '^', '$', '/', '<', '>', '{', '}', '@' -> true;
      default -> false;
    };
  }

  /** The end of the run of unsafe characters that starts at {@code from} ({@code from} if none). */
  private static int unsafeRunEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        break;
      }
      if (!isUnsafe(c)) {
        break;
      }
      i++;
    }
    return i;
  }

  private static boolean isUnsafe(char c) {
    return Character.isISOControl(c)
        || c == '~' // post-generation's mark: apertium-destxt puts it in a superblank too
        || Character.isSurrogate(c)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\uFEFF'
        || c == '\uFFFE'
        || c == '\uFFFF';
  }
}
