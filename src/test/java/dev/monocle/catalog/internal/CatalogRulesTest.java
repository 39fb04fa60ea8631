package dev.monocle.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.catalog.internal.CustomerInput.ConsentInput;
import dev.monocle.catalog.internal.CustomerInput.Eye;
import dev.monocle.catalog.internal.CustomerInput.Prescription;
import dev.monocle.catalog.internal.FrameInput.FaceShapeScores;
import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.FrameInput.Price;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.catalog.internal.Vocabulary.Size;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog's rules without a database: validation, derived fields, masking, search words. */
class CatalogRulesTest {

  private static Set<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).collect(Collectors.toSet());
  }

  @Test
  void everyInvalidFrameFieldIsNamed() {
    FrameInput bad =
        new FrameInput(
            "has space",
            " ",
            null,
            "m".repeat(101),
            null,
            "monocle",
            null,
            "no_rim",
            "gold",
            "red",
            "alien",
            new Measurements(29.0, 61.0, 9.0, 161.0, 99.0, 0.5),
            new Price(new BigDecimal("-1"), "EURO"),
            -1,
            "sold",
            List.of("javascript:alert(1)", "https://ok.example.com/x.jpg"),
            List.of(""),
            new FaceShapeScores(1.5, 0.5, 0.5, 0.5, 0.5, null));
    assertEquals(
        Set.of(
            "sku",
            "name",
            "model",
            "frame_type",
            "shape",
            "rim",
            "material",
            "gender",
            "status",
            "measurements.lens_width_mm",
            "measurements.lens_height_mm",
            "measurements.bridge_width_mm",
            "measurements.temple_length_mm",
            "measurements.frame_width_mm",
            "measurements.weight_g",
            "price.currency",
            "price.amount",
            "stock",
            "images[0]",
            "tags[0]",
            "face_shape_scores.oval",
            "face_shape_scores.oblong"),
        fields(FrameRules.check(bad)));
    assertTrue(
        FrameRules.check(FrameCatalogTest.frame("A-1", "Fine", "round", "0")).isEmpty(),
        "a complete frame is valid");
    FrameInput yen =
        new FrameInput(
            "Y",
            "Yen",
            null,
            null,
            null,
            "reading",
            "oval",
            null,
            null,
            null,
            null,
            null,
            new Price(new BigDecimal("10.5"), "JPY"),
            null,
            null,
            null,
            null,
            null);
    assertEquals(Set.of("price.amount"), fields(FrameRules.check(yen)), "yen has no minor unit");
  }

  @Test
  void sizeFollowsTheContractsBands() {
    assertEquals(Size.XS, Size.ofFrameWidth(129.9));
    assertEquals(Size.S, Size.ofFrameWidth(130));
    assertEquals(Size.M, Size.ofFrameWidth(139.5));
    assertEquals(Size.L, Size.ofFrameWidth(144.9));
    assertEquals(Size.XL, Size.ofFrameWidth(145));
  }

  @Test
  void faceShapeFitContrastsTheFaceAndAdjustsForProportionsAndRim() {
    Map<FaceShape, Integer> square = FaceShapeFit.of(Shape.SQUARE, "full_rim", null);
    assertTrue(square.get(FaceShape.ROUND) > square.get(FaceShape.SQUARE));
    Map<FaceShape, Integer> round = FaceShapeFit.of(Shape.ROUND, "full_rim", null);
    assertTrue(round.get(FaceShape.SQUARE) > round.get(FaceShape.ROUND));
    Measurements deep = new Measurements(50.0, 42.0, null, null, null, null);
    assertEquals(
        FaceShapeFit.TABLE.get(Shape.OVERSIZED)[FaceShape.OBLONG.ordinal()] + 10 > 100
            ? 100
            : FaceShapeFit.TABLE.get(Shape.OVERSIZED)[FaceShape.OBLONG.ordinal()] + 10,
        FaceShapeFit.of(Shape.OVERSIZED, null, deep).get(FaceShape.OBLONG),
        "deep lenses suit oblong faces, clamped to 100");
    assertEquals(80, FaceShapeFit.of(Shape.OVAL, "rimless", null).get(FaceShape.HEART) - 5);
    for (Shape s : Shape.values()) {
      assertEquals(6, FaceShapeFit.TABLE.get(s).length, "a row per frame shape: " + s);
    }
  }

  @Test
  void qualityNamesWhatIsMissing() {
    FrameInput bare =
        new FrameInput(
            "B",
            "Bare",
            null,
            null,
            null,
            "reading",
            "oval",
            null,
            null,
            null,
            null,
            null,
            new Price(BigDecimal.ONE, "EUR"),
            0,
            "active",
            null,
            null,
            null);
    Frame.Quality q = FrameQuality.of(bare);
    assertEquals(13, q.issues().size());
    assertEquals(0.0, q.score());
    assertTrue(q.issues().contains("missing_measurement:frame_width_mm"));
    assertTrue(q.issues().contains("active_without_stock"));
  }

  @Test
  void searchWordsAreTheSameForTextAndQuery() {
    assertEquals(
        " ray ban rb3025 aviator", SearchWords.document("Ray-Ban", "RB3025 Aviator", "ray"));
    assertEquals(List.of("cat", "eye"), SearchWords.query("  CAT-eye!! "));
    assertEquals(SearchWords.MAX_QUERY_WORDS, SearchWords.query("a b c d e f g h i j k").size());
    assertEquals(List.of("café"), SearchWords.query("Café"));
  }

  @Test
  void frameQueriesRefuseBadFiltersByName() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                FrameQuery.parse(
                    Map.of(
                        "shape",
                        "blob",
                        "min_price",
                        "5",
                        "max_price",
                        "1",
                        "in_stock",
                        "yes",
                        "size",
                        "XXL",
                        "sort",
                        "cheapest",
                        "lang",
                        "spanish")));
    assertEquals(
        Set.of("shape", "min_price", "in_stock", "size", "sort", "lang"), fields(e.errors()));
    assertEquals(FrameQuery.Sort.RELEVANCE, FrameQuery.parse(Map.of("q", "halo")).sort());
    assertEquals(FrameQuery.Sort.NEWEST, FrameQuery.parse(Map.of()).sort());
  }

  @Test
  void maskingKeepsOnlyAHint() {
    assertEquals("j***@e***.com", Masking.email("jane.doe@example.com"));
    assertEquals("J*** D***", Masking.name("Jane  Doe"));
    assertEquals("***42", Masking.phone("+34 600 123 442"));
    assertEquals("****-**-**", Masking.date("1990-01-02"));
  }

  @Test
  void customersNeedBiometricConsentForFaceDataAndSaneValues() {
    LocalDate today = LocalDate.of(2026, 11, 22);
    Eye odd = new Eye(new BigDecimal("-1.3"), new BigDecimal("-12"), 181, new BigDecimal("5"));
    CustomerInput bad =
        new CustomerInput(
            "",
            "not-an-email",
            "call me",
            "2030-01-01",
            new Prescription(odd, null, new BigDecimal("90")),
            "round",
            new BigDecimal("140"),
            new ConsentInput(true, false));
    assertEquals(
        Set.of(
            "full_name",
            "email",
            "phone",
            "date_of_birth",
            "prescription.right.sphere",
            "prescription.right.cylinder",
            "prescription.right.axis",
            "prescription.right.add",
            "prescription.pupillary_distance_mm",
            "face_shape",
            "face_width_mm"),
        fields(CustomerRules.check(bad, today)));
    CustomerInput fine =
        new CustomerInput(
            "Jane Doe",
            "jane@example.com",
            "+34 600 123 442",
            "1990-01-02",
            new Prescription(new Eye(new BigDecimal("-1.25"), null, null, null), null, null),
            "round",
            new BigDecimal("140"),
            new ConsentInput(false, true));
    assertTrue(CustomerRules.check(fine, today).isEmpty());
  }

  @Test
  void theDemoDataIsValidAndVaried() {
    List<FrameInput> frames = DemoCatalog.frames(new java.util.Random(42), DemoCatalog.FRAMES);
    for (FrameInput f : frames) {
      assertEquals(List.of(), FrameRules.check(f), f.sku());
    }
    assertEquals(
        Shape.values().length,
        frames.stream().map(FrameInput::shape).distinct().count(),
        "every shape occurs");
    assertEquals(DemoCatalog.FRAMES, frames.stream().map(FrameInput::sku).distinct().count());
    for (CustomerInput c : DemoCatalog.customers()) {
      assertEquals(List.of(), CustomerRules.check(c, LocalDate.of(2026, 11, 22)), c.fullName());
    }
  }

  @Test
  void jsonImportRowsKeepTheirNumbersAndTheirErrors() {
    List<ImportRows.Row> rows =
        ImportRows.fromJson(
            "[{\"sku\":\"A\"}, 5, {\"sku\":\"B\",\"id\":\"x\"}, {\"stock\":\"many\"}]");
    assertEquals(4, rows.size());
    assertEquals("A", rows.get(0).frame().sku());
    assertEquals("row", rows.get(1).errors().get(0).field());
    assertEquals("id", rows.get(2).errors().get(0).field());
    assertEquals(4, rows.get(3).number());
    assertEquals(
        400, assertThrows(ProblemException.class, () -> ImportRows.fromJson("{}")).status());
    assertEquals(
        400,
        assertThrows(ProblemException.class, () -> ImportRows.fromCsv("sku,price\nA,1\n")).status(),
        "unknown CSV column");
    assertEquals(
        "A", ImportRows.fromCsv("\uFEFFsku,name\nA,x\n").get(0).frame().sku(), "a BOM is skipped");
    assertEquals(
        413,
        assertThrows(
                ProblemException.class,
                () -> ImportRows.fromJson("[" + "{},".repeat(ImportRows.MAX_ROWS) + "{}]"))
            .status());
  }
}
