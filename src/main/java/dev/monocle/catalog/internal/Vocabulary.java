package dev.monocle.catalog.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed vocabularies of the frame model, with their names on the wire ({@code cat_eye}, {@code
 * full_rim}). Free-text fields (brand, color) are not here.
 */
public final class Vocabulary {

  private Vocabulary() {}

  /** An enumeration value with a lower-case wire name. */
  public interface Term {
    String name();

    default String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum FrameType implements Term {
    PRESCRIPTION,
    SUNGLASSES,
    BLUE_LIGHT,
    READING,
    SPORTS
  }

  public enum Shape implements Term {
    ROUND,
    SQUARE,
    RECTANGULAR,
    OVAL,
    AVIATOR,
    CAT_EYE,
    WAYFARER,
    BROWLINE,
    GEOMETRIC,
    OVERSIZED
  }

  public enum Rim implements Term {
    FULL_RIM,
    SEMI_RIMLESS,
    RIMLESS
  }

  public enum Material implements Term {
    ACETATE,
    METAL,
    TITANIUM,
    STAINLESS_STEEL,
    PLASTIC,
    NYLON,
    WOOD,
    CARBON_FIBER
  }

  public enum Gender implements Term {
    MEN,
    WOMEN,
    UNISEX,
    KIDS
  }

  public enum Status implements Term {
    DRAFT,
    ACTIVE,
    ARCHIVED
  }

  /** The face shapes a frame is scored for, in the order of the contract. */
  public enum FaceShape implements Term {
    OVAL,
    ROUND,
    SQUARE,
    HEART,
    DIAMOND,
    OBLONG
  }

  /** The size of a frame, from its total width. */
  public enum Size {
    XS,
    S,
    M,
    L,
    XL;

    /** XS below 130 mm, S 130–134, M 135–139, L 140–144, XL from 145 (the contract's table). */
    public static Size ofFrameWidth(double mm) {
      if (mm < 130) {
        return XS;
      }
      if (mm < 135) {
        return S;
      }
      if (mm < 140) {
        return M;
      }
      return mm < 145 ? L : XL;
    }

    public static Optional<Size> parse(String value) {
      return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
  }

  /** The term of {@code type} whose wire name is {@code value}. */
  public static <T extends Enum<T> & Term> Optional<T> parse(Class<T> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (T term : type.getEnumConstants()) {
      if (term.wire().equals(value)) {
        return Optional.of(term);
      }
    }
    return Optional.empty();
  }

  /** "one of a, b, c": the message of a field that must name a term. */
  public static <T extends Enum<T> & Term> String oneOf(Class<T> type) {
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Term::wire).toList();
    return "must be one of " + String.join(", ", names);
  }
}
