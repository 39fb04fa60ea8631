package dev.monocle.catalog.internal;

/**
 * Masked forms of personal values for staff who may know a customer exists but not who they are:
 * {@code j***@e***.com}, {@code J*** D***}, the last two digits of a phone number.
 */
public final class Masking {

  private Masking() {}

  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    return first(email.substring(0, at))
        + "***@"
        + first(domain.substring(0, dot))
        + "***"
        + domain.substring(dot);
  }

  public static String name(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String word : name.trim().split("\\s+")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(first(word)).append("***");
    }
    return out.toString();
  }

  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    return "***" + digits.substring(Math.max(0, digits.length() - 2));
  }

  public static String date(String date) {
    return date == null ? null : "****-**-**";
  }

  private static String first(String text) {
    return text.isEmpty() ? "" : new String(Character.toChars(text.codePointAt(0)));
  }
}
