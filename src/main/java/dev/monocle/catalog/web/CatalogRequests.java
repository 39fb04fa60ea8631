package dev.monocle.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the catalog that are not frames or customers. */
public final class CatalogRequests {

  private CatalogRequests() {}

  private static final String LANG = "[a-z]{2}";

  public record Localize(
      @NotEmpty @Size(max = 10)
          List<
                  @NotNull @Pattern(regexp = LANG, message = "must be an ISO 639-1 code such as es")
                  String>
              languages,
      @Pattern(regexp = LANG, message = "must be an ISO 639-1 code such as en") String source) {

    public Localize {
      languages = languages == null ? null : List.copyOf(languages);
    }

    String sourceOrDefault() {
      return source == null ? "en" : source;
    }
  }

  public record Recommend(
      @NotNull String faceShape,
      @DecimalMin("100") @DecimalMax("180") BigDecimal faceWidthMm,
      @Valid Preferences preferences,
      Integer limit) {}

  public record Preferences(
      @Size(max = 10) List<@NotNull String> shapes,
      @Size(max = 8) List<@NotNull String> materials,
      @Size(max = 10) List<@NotNull @Size(min = 1, max = 50) String> colors,
      @DecimalMin("0") @DecimalMax("1000000") BigDecimal minPrice,
      @DecimalMin("0") @DecimalMax("1000000") BigDecimal maxPrice) {

    public Preferences {
      shapes = shapes == null ? List.of() : List.copyOf(shapes);
      materials = materials == null ? List.of() : List.copyOf(materials);
      colors = colors == null ? List.of() : List.copyOf(colors);
    }
  }
}
