package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.catalog.internal.Vocabulary.FrameType;
import dev.monocle.catalog.internal.Vocabulary.Gender;
import dev.monocle.catalog.internal.Vocabulary.Material;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.catalog.internal.Vocabulary.Size;
import dev.monocle.catalog.internal.Vocabulary.Status;
import dev.monocle.catalog.internal.Vocabulary.Term;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated frame search: the filters of the contract, the free-text words and the sort. A frame
 * "suits" a face shape when its score for it is at least {@value #SUITS_FACE} percent.
 */
public record FrameQuery(
    List<String> words,
    String brand,
    Shape shape,
    Material material,
    String color,
    FrameType frameType,
    Gender gender,
    Size size,
    FaceShape faceShape,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    Boolean inStock,
    Status status,
    Sort sort,
    String lang) {

  static final int SUITS_FACE = 70;

  public FrameQuery {
    words = List.copyOf(words);
  }

  /** The orders of a result, each ending with the id so that every order is total. */
  public enum Sort {
    RELEVANCE("relevance"),
    NEWEST("newest"),
    PRICE("price"),
    PRICE_DESC("-price"),
    NAME("name"),
    NAME_DESC("-name");

    final String wire;

    Sort(String wire) {
      this.wire = wire;
    }

    static String names() {
      List<String> names = new ArrayList<>();
      for (Sort s : values()) {
        names.add(s.wire);
      }
      return String.join(", ", names);
    }
  }

  /** Parses the query parameters; 400 naming every bad one. */
  public static FrameQuery parse(Map<String, String> p) {
    List<FieldError> errors = new ArrayList<>();
    String q = p.get("q");
    List<String> words = List.of();
    if (q != null) {
      if (q.length() > 200) {
        errors.add(new FieldError("q", "must be at most 200 characters"));
      } else {
        words = SearchWords.query(q);
      }
    }
    Sort sort = words.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE;
    if (p.get("sort") != null) {
      sort = null;
      for (Sort s : Sort.values()) {
        if (s.wire.equals(p.get("sort"))) {
          sort = s;
        }
      }
      if (sort == null) {
        errors.add(new FieldError("sort", "must be one of " + Sort.names()));
      } else if (sort == Sort.RELEVANCE && words.isEmpty()) {
        errors.add(new FieldError("sort", "relevance needs a free-text query (q)"));
      }
    }
    BigDecimal min = price(errors, "min_price", p.get("min_price"));
    BigDecimal max = price(errors, "max_price", p.get("max_price"));
    if (min != null && max != null && min.compareTo(max) > 0) {
      errors.add(new FieldError("min_price", "must not be above max_price"));
    }
    Boolean inStock = null;
    if (p.get("in_stock") != null) {
      switch (p.get("in_stock")) {
        case "true" -> inStock = true;
        case "false" -> inStock = false;
        default -> errors.add(new FieldError("in_stock", "must be true or false"));
      }
    }
    Size size = null;
    if (p.get("size") != null) {
      size = Size.parse(p.get("size")).orElse(null);
      if (size == null) {
        errors.add(new FieldError("size", "must be one of XS, S, M, L, XL"));
      }
    }
    String lang = p.get("lang");
    if (lang != null && !isLang(lang)) {
      errors.add(LANG_ERROR);
      lang = null;
    }
    FrameQuery query =
        new FrameQuery(
            words,
            text(errors, "brand", p.get("brand")),
            term(errors, "shape", Shape.class, p.get("shape")),
            term(errors, "material", Material.class, p.get("material")),
            text(errors, "color", p.get("color")),
            term(errors, "frame_type", FrameType.class, p.get("frame_type")),
            term(errors, "gender", Gender.class, p.get("gender")),
            size,
            term(errors, "face_shape", FaceShape.class, p.get("face_shape")),
            min,
            max,
            inStock,
            term(errors, "status", Status.class, p.get("status")),
            sort,
            lang);
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return query;
  }

  /** A valid {@code ?lang=} (ISO 639-1), or null when absent; 400 otherwise. */
  public static String lang(String lang) {
    if (lang != null && !isLang(lang)) {
      throw ProblemException.validation(List.of(LANG_ERROR));
    }
    return lang;
  }

  private static final FieldError LANG_ERROR =
      new FieldError("lang", "must be an ISO 639-1 code such as es");

  private static boolean isLang(String lang) {
    return lang.length() == 2 && lang.chars().allMatch(ch -> ch >= 'a' && ch <= 'z');
  }

  private static String text(List<FieldError> errors, String field, String value) {
    if (value != null && (value.isBlank() || value.length() > 100)) {
      errors.add(new FieldError(field, "must be 1 to 100 characters"));
      return null;
    }
    return FrameStore.key(value);
  }

  private static <T extends Enum<T> & Term> T term(
      List<FieldError> errors, String field, Class<T> type, String value) {
    if (value == null) {
      return null;
    }
    T term = Vocabulary.parse(type, value).orElse(null);
    if (term == null) {
      errors.add(new FieldError(field, Vocabulary.oneOf(type)));
    }
    return term;
  }

  private static BigDecimal price(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      BigDecimal price = new BigDecimal(value);
      if (price.signum() >= 0
          && price.compareTo(FrameRules.MAX_PRICE) <= 0
          && value.length() < 20) {
        return price;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a number between 0 and " + FrameRules.MAX_PRICE));
    return null;
  }
}
