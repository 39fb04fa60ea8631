package dev.monocle.decoding.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Apertium's language names ({@code eng}, {@code spa}, {@code fr}) to the API's codes: ISO 639-1
 * where the language has one, else the ISO 639-3 name as Apertium spells it.
 */
public final class LanguageCodes {

  private LanguageCodes() {}

  private static final Map<String, String> ISO_639_3_TO_1 =
      Map.ofEntries(
          Map.entry("afr", "af"),
          Map.entry("ara", "ar"),
          Map.entry("arg", "an"),
          Map.entry("bel", "be"),
          Map.entry("bre", "br"),
          Map.entry("bul", "bg"),
          Map.entry("cat", "ca"),
          Map.entry("ces", "cs"),
          Map.entry("cos", "co"),
          Map.entry("cym", "cy"),
          Map.entry("dan", "da"),
          Map.entry("deu", "de"),
          Map.entry("ell", "el"),
          Map.entry("eng", "en"),
          Map.entry("epo", "eo"),
          Map.entry("eus", "eu"),
          Map.entry("fao", "fo"),
          Map.entry("fin", "fi"),
          Map.entry("fra", "fr"),
          Map.entry("gla", "gd"),
          Map.entry("gle", "ga"),
          Map.entry("glg", "gl"),
          Map.entry("hin", "hi"),
          Map.entry("hrv", "hr"),
          Map.entry("ind", "id"),
          Map.entry("isl", "is"),
          Map.entry("ita", "it"),
          Map.entry("kaz", "kk"),
          Map.entry("kir", "ky"),
          Map.entry("lat", "la"),
          Map.entry("mkd", "mk"),
          Map.entry("mlt", "mt"),
          Map.entry("msa", "ms"),
          Map.entry("nld", "nl"),
          Map.entry("nno", "nn"),
          Map.entry("nob", "nb"),
          Map.entry("oci", "oc"),
          Map.entry("pol", "pl"),
          Map.entry("por", "pt"),
          Map.entry("ron", "ro"),
          Map.entry("rus", "ru"),
          Map.entry("slk", "sk"),
          Map.entry("slv", "sl"),
          Map.entry("spa", "es"),
          Map.entry("srd", "sc"),
          Map.entry("swe", "sv"),
          Map.entry("tat", "tt"),
          Map.entry("tur", "tr"),
          Map.entry("ukr", "uk"),
          Map.entry("urd", "ur"),
          Map.entry("uzb", "uz"));

  /** The API code for an Apertium language name; empty when the name is not a plain language. */
  public static Optional<String> toApi(String apertiumName) {
    if (apertiumName.matches("[a-z]{2}")) {
      return Optional.of(apertiumName);
    }
    if (!apertiumName.matches("[a-z]{3}")) {
      return Optional.empty(); // a variant such as eng_US or cat_valencia
    }
    return Optional.of(ISO_639_3_TO_1.getOrDefault(apertiumName, apertiumName));
  }
}
