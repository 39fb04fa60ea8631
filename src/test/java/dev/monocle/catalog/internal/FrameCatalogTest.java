package dev.monocle.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.FrameInput.Price;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.access.Role;
import dev.monocle.platform.access.Scope;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frames end to end below HTTP: real SQL on H2, a fake translator, a caller per test. */
class FrameCatalogTest {

  private final List<List<String>> translated = new ArrayList<>();
  private final CatalogFixture fx =
      new CatalogFixture(
          (source, target, segments) -> {
            translated.add(segments);
            return segments.stream().map(s -> "[" + target + "] " + s).toList();
          });

  @AfterEach
  void close() {
    fx.close();
  }

  static FrameInput frame(String sku, String name, String shape, String price) {
    return new FrameInput(
        sku,
        name,
        "Lumen",
        "M1",
        "Light acetate frame",
        "prescription",
        shape,
        "full_rim",
        "acetate",
        "Black",
        "unisex",
        new Measurements(52.0, 36.0, 18.0, 140.0, 138.0, 20.0),
        new Price(new BigDecimal(price), "EUR"),
        5,
        "active",
        List.of("https://img.example.com/a.jpg"),
        List.of("classic"),
        null);
  }

  @Test
  void createDerivesSizeScoresAndQualityAndRecordsAnEvent() {
    Frame f = fx.catalog.create(frame("SKU-1", "Aria", "square", "99.00")).frame();
    assertEquals("M", f.size());
    assertEquals(0.90, f.faceShapeScores().round(), 1e-9, "square frames suit round faces");
    assertEquals(0.30, f.faceShapeScores().square(), 1e-9);
    assertEquals(1.0, f.quality().score());
    assertEquals("catalog.frame_created", fx.events.get(0).action());
    assertEquals("frame", fx.events.get(0).target().type());
  }

  @Test
  void anotherTenantsFrameIsNotFoundAndViewersSeeNoDrafts() {
    FrameInput draft = frame("SKU-D", "Draft", "round", "10").withStatus("draft");
    String id = fx.catalog.create(draft).frame().id();
    fx.caller = CatalogFixture.editor("tenant-b");
    assertEquals(404, status(() -> fx.catalog.get(id, null)));
    fx.caller = CatalogFixture.user("tenant-a", Role.VIEWER);
    assertEquals(404, status(() -> fx.catalog.get(id, null)), "a viewer does not see drafts");
    fx.caller = CatalogFixture.service("tenant-a", Scope.CATALOG_READ);
    assertEquals(404, status(() -> fx.catalog.get(id, null)));
    fx.caller = CatalogFixture.service("tenant-a", Scope.CATALOG_WRITE);
    assertEquals("Draft", fx.catalog.get(id, null).frame().name());
  }

  @Test
  void writesHonourIfMatchAndPatchMergesOnlyWhatItNames() {
    FrameCatalog.Versioned v = fx.catalog.create(frame("SKU-2", "Bolt", "round", "50"));
    String id = v.frame().id();
    assertEquals(
        412,
        status(() -> fx.catalog.replace(id, v.version() + 7, frame("SKU-2", "X", "round", "1"))));
    FrameCatalog.Versioned patched =
        fx.catalog.patch(
            id,
            v.version(),
            Json.createObjectBuilder().add("stock", 0).add("brand", JsonNull()).build());
    assertEquals(0, patched.frame().stock());
    assertNull(patched.frame().brand());
    assertEquals("Bolt", patched.frame().name(), "unnamed fields stay");
    assertNotEquals(v.version(), patched.version());
    assertEquals(412, status(() -> fx.catalog.archive(id, v.version())), "stale ETag");
    ProblemException bad =
        assertThrows(
            ProblemException.class,
            () ->
                fx.catalog.patch(id, null, Json.createObjectBuilder().add("tenant", "x").build()));
    assertEquals("tenant", bad.errors().get(0).field(), "mass assignment is refused");
    fx.catalog.archive(id, null);
    assertEquals("archived", fx.catalog.get(id, null).frame().status());
  }

  @Test
  void aDuplicateSkuIsAConflict() {
    fx.catalog.create(frame("SKU-3", "Cleo", "oval", "10"));
    assertEquals(409, status(() -> fx.catalog.create(frame("SKU-3", "Other", "oval", "10"))));
    fx.caller = CatalogFixture.editor("tenant-b");
    fx.catalog.create(frame("SKU-3", "Same SKU, other tenant", "oval", "10"));
  }

  @Test
  void searchFiltersMatchWordPrefixesAndPagesStablyUnderInserts() {
    for (int i = 0; i < 12; i++) {
      fx.catalog.create(
          frame("P-" + i, "Frame " + i, i % 2 == 0 ? "round" : "aviator", (10 + i) + ".50"));
    }
    fx.catalog.create(frame("Q-1", "Titanium Halo", "square", "300"));
    assertEquals(1, search(Map.of("q", "halo tita")).size(), "word prefixes, all words");
    assertEquals(0, search(Map.of("q", "alo")).size(), "not inside words");
    assertEquals(6, search(Map.of("shape", "round")).size());
    assertEquals(7, search(Map.of("face_shape", "round")).size(), "aviator 70 + square 90");
    assertEquals(3, search(Map.of("min_price", "19", "max_price", "21.50")).size());
    List<Frame> byPrice = search(Map.of("sort", "-price"));
    assertEquals("Q-1", byPrice.get(0).sku());

    Set<String> seen = new HashSet<>();
    Page<Frame> page =
        fx.catalog.search(FrameQuery.parse(Map.of("sort", "price")), Page.Request.of(5, null));
    seen.addAll(page.items().stream().map(Frame::sku).toList());
    fx.catalog.create(frame("P-NEW", "Cheapest", "round", "0.50"));
    while (page.nextCursor() != null) {
      page =
          fx.catalog.search(
              FrameQuery.parse(Map.of("sort", "price")), Page.Request.of(5, page.nextCursor()));
      for (Frame f : page.items()) {
        assertTrue(seen.add(f.sku()), "no frame twice: " + f.sku());
      }
    }
    assertEquals(13, seen.size(), "every frame of the first page's time, none skipped");
    assertEquals(
        400,
        status(
            () ->
                fx.catalog.search(
                    FrameQuery.parse(Map.of("sort", "name")),
                    Page.Request.of(
                        5,
                        java.util.Base64.getUrlEncoder().encodeToString("price|1|x".getBytes())))),
        "a cursor of another sort");
  }

  @Test
  void localizeStoresMachineTranslationsAndLangReadsThem() {
    String id = fx.catalog.create(frame("L-1", "Aria", "round", "10")).frame().id();
    Frame f = fx.catalog.localize(id, null, "en", List.of("es", "ca")).frame();
    assertEquals(List.of("Aria", "Light acetate frame"), translated.get(0));
    assertTrue(f.localized().get("es").machineTranslated());
    assertEquals("[es] Aria", fx.catalog.get(id, "es").frame().name());
    assertEquals("Aria", fx.catalog.get(id, "fr").frame().name(), "no translation: original");
    FrameCatalog.Versioned v = fx.catalog.get(id, null);
    fx.catalog.patch(id, v.version(), Json.createObjectBuilder().add("name", "Aria II").build());
    assertTrue(fx.catalog.get(id, null).frame().localized().isEmpty(), "stale translations go");
  }

  @Test
  void importUpsertsBySkuAndReportsBadRowsByNumber() {
    fx.catalog.create(frame("I-1", "Old name", "round", "10"));
    String csv =
        "sku,name,frame_type,shape,price_amount,price_currency,lens_width_mm,tags\n"
            + "I-1,New name,prescription,round,12.5,EUR,50,a|b\n"
            + "I-2,Second,sunglasses,aviator,80,USD,,\n"
            + "I-3,,prescription,blob,1,XXX,wide,\n"
            + "I-2,Dup,prescription,round,1,EUR,,\n";
    FrameImport.Report report = fx.imports.run(ImportRows.fromCsv(csv));
    assertEquals(1, report.created());
    assertEquals(1, report.updated());
    assertEquals(2, report.failed());
    Set<String> row3 = new HashSet<>();
    report.errors().stream().filter(e -> e.row() == 3).forEach(e -> row3.add(e.field()));
    assertEquals(Set.of("measurements.lens_width_mm"), row3, "unparsable first");
    assertTrue(report.errors().stream().anyMatch(e -> e.row() == 4 && e.field().equals("sku")));
    assertEquals("New name", search(Map.of("q", "new")).get(0).name());
    assertEquals("catalog.frames_imported", fx.events.get(fx.events.size() - 1).action());
    assertEquals("created=1 updated=1 failed=2", fx.events.get(fx.events.size() - 1).reason());
  }

  @Test
  void recommendationsRankByFitThenPreferencesWithReasons() {
    fx.catalog.create(frame("R-ROUND", "Round one", "round", "10"));
    fx.catalog.create(frame("R-SQUARE", "Square one", "square", "10"));
    fx.catalog.create(frame("R-RECT", "Rect one", "rectangular", "10"));
    fx.catalog.create(frame("R-DRAFT", "Draft", "square", "10").withStatus("draft"));
    List<Recommendations.Item> items =
        fx.recommendations.recommend(
            new Recommendations.Request(
                FaceShape.ROUND,
                new BigDecimal("138"),
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                null,
                10));
    assertEquals(
        List.of("R-RECT", "R-SQUARE", "R-ROUND"),
        items.stream().map(i -> i.frame().sku()).toList(),
        "equal scores ordered by SKU; drafts never recommended");
    assertEquals(Math.round(100 * (90 * 6 + 250) / 850.0), items.get(0).score());
    assertTrue(
        items.get(0).reasons().get(0).contains("round face"), items.get(0).reasons().toString());
    assertTrue(items.get(0).reasons().get(1).contains("matches your face width"));
    List<Recommendations.Item> preferring =
        fx.recommendations.recommend(
            new Recommendations.Request(
                FaceShape.ROUND,
                null,
                Set.of(Vocabulary.Shape.SQUARE),
                Set.of(),
                Set.of(),
                null,
                null,
                1));
    assertEquals("R-SQUARE", preferring.get(0).frame().sku(), "a preferred shape breaks the tie");
    assertEquals(Math.round(100 * (90 * 6 + 70) / 670.0), preferring.get(0).score());
  }

  @Test
  void pruningNeverChangesTheAnswer() {
    List<FrameInput> frames = DemoCatalog.frames(new java.util.Random(3), 800);
    List<ImportRows.Row> rows = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      rows.add(new ImportRows.Row(i + 1, frames.get(i), List.of()));
    }
    assertEquals(800, fx.imports.run(rows).created());
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n < 60; n++) {
      FaceShape face = FaceShape.values()[random.nextInt(FaceShape.values().length)];
      BigDecimal width = random.nextBoolean() ? BigDecimal.valueOf(120 + random.nextInt(40)) : null;
      Set<Vocabulary.Shape> shapes =
          random.nextBoolean() ? Set.of(Vocabulary.Shape.values()[random.nextInt(10)]) : Set.of();
      Set<Vocabulary.Material> materials =
          random.nextBoolean() ? Set.of(Vocabulary.Material.values()[random.nextInt(8)]) : Set.of();
      Set<String> colors = random.nextBoolean() ? Set.of("gold") : Set.of();
      BigDecimal max = random.nextBoolean() ? BigDecimal.valueOf(100 + random.nextInt(150)) : null;
      Recommendations.Request request =
          new Recommendations.Request(
              face, width, shapes, materials, colors, null, max, 1 + random.nextInt(50));
      fx.recommendations.pruning = true;
      List<String> pruned = skus(fx.recommendations.recommend(request));
      fx.recommendations.pruning = false;
      List<String> full = skus(fx.recommendations.recommend(request));
      assertEquals(full, pruned, request.toString());
    }
  }

  private static List<String> skus(List<Recommendations.Item> items) {
    return items.stream().map(i -> i.frame().sku() + ":" + i.score()).toList();
  }

  private List<Frame> search(Map<String, String> params) {
    return fx.catalog
        .search(FrameQuery.parse(new HashMap<>(params)), Page.Request.of(100, null))
        .items();
  }

  private static jakarta.json.JsonValue JsonNull() {
    return jakarta.json.JsonValue.NULL;
  }

  private static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (ProblemException e) {
      return e.status();
    }
  }
}
