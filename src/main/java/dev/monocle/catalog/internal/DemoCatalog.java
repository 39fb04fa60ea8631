package dev.monocle.catalog.internal;

import dev.monocle.audit.AuditEvent.Actor;
import dev.monocle.auth.Tenants;
import dev.monocle.catalog.internal.CustomerInput.ConsentInput;
import dev.monocle.catalog.internal.CustomerInput.Eye;
import dev.monocle.catalog.internal.CustomerInput.Prescription;
import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.FrameInput.Price;
import dev.monocle.catalog.internal.Vocabulary.FrameType;
import dev.monocle.catalog.internal.Vocabulary.Material;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.platform.PlatformReady;
import dev.monocle.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo data for the dev profile, when {@code monocle.demo.enabled=true}: tenant {@code demo} with
 * {@value #FRAMES} frames and a few customers, so that a fresh run shows a living catalog. Created
 * once (an existing demo catalog is left alone) and never in production.
 */
@ApplicationScoped
public class DemoCatalog {

  static final int FRAMES = 300;
  private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());

  @Inject PlatformSettings settings;
  @Inject Tenants tenants;
  @Inject FrameImport imports;
  @Inject Customers customers;
  @Inject CatalogJdbc jdbc;

  @Inject
  @ConfigProperty(name = "monocle.demo.enabled", defaultValue = "false")
  boolean enabled;

  void onReady(@Observes PlatformReady ready) {
    if (!enabled) {
      return;
    }
    if (settings.isProduction()) {
      LOG.warning("monocle.demo.enabled is ignored in the production profile");
      return;
    }
    String tenant = tenants.ensure("demo", "Demo Optics");
    if (frameCount(tenant) > 0) {
      return;
    }
    List<ImportRows.Row> rows = new ArrayList<>();
    List<FrameInput> frames = frames(new Random(42), FRAMES);
    for (int i = 0; i < frames.size(); i++) {
      rows.add(new ImportRows.Row(i + 1, frames.get(i), List.of()));
    }
    imports.upsert(tenant, Actor.SYSTEM, rows);
    for (CustomerInput c : customers()) {
      customers.create(tenant, Actor.SYSTEM, c, created -> null);
    }
    LOG.info(
        () ->
            "Demo catalog created: tenant 'demo' with "
                + FRAMES
                + " frames and "
                + customers().size()
                + " customers");
  }

  private int frameCount(String tenant) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT COUNT(*) FROM catalog_frame WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  private static final String[] BRANDS = {
    "Lumen",
    "Northwind Optics",
    "Atelier Verre",
    "Kestrel",
    "Solstice",
    "Harbor & Pine",
    "Monolith",
    "Vista Nova"
  };
  private static final String[] MODELS = {
    "Aria", "Bolt", "Cleo", "Dune", "Echo", "Fable", "Grove", "Halo", "Iris", "Juno", "Kai", "Luna",
    "Milo", "Nova", "Orla", "Pax"
  };
  private static final String[] COLORS = {
    "black",
    "tortoise",
    "gold",
    "silver",
    "clear",
    "navy",
    "crystal pink",
    "olive",
    "gunmetal",
    "honey"
  };

  /** Realistic frames: measurements consistent with each other, prices by material. */
  static List<FrameInput> frames(Random random, int count) {
    List<FrameInput> frames = new ArrayList<>(count);
    Shape[] shapes = Shape.values();
    Material[] materials = Material.values();
    FrameType[] types = FrameType.values();
    String[] genders = {"men", "women", "unisex", "unisex", "kids"};
    String[] rims = {"full_rim", "full_rim", "semi_rimless", "rimless"};
    for (int i = 0; i < count; i++) {
      Shape shape = shapes[random.nextInt(shapes.length)];
      Material material = materials[random.nextInt(materials.length)];
      String brand = BRANDS[random.nextInt(BRANDS.length)];
      String model = MODELS[random.nextInt(MODELS.length)] + " " + (100 + random.nextInt(900));
      String color = COLORS[random.nextInt(COLORS.length)];
      String gender = genders[random.nextInt(genders.length)];
      double lens = 44 + random.nextInt(16);
      double bridge = 14 + random.nextInt(8);
      double width = Math.min(180, 2 * lens + bridge + 6 + random.nextInt(5));
      double height = Math.round(lens * (0.55 + random.nextDouble() * 0.35));
      String shapeName = shape.wire().replace('_', ' ');
      int base =
          switch (material) {
            case TITANIUM, CARBON_FIBER -> 180;
            case WOOD -> 150;
            case ACETATE, STAINLESS_STEEL -> 110;
            default -> 70;
          };
      frames.add(
          new FrameInput(
              String.format("DEMO-%05d", i + 1),
              brand + " " + model,
              brand,
              model,
              "A "
                  + shapeName
                  + " frame in "
                  + color
                  + " "
                  + material.wire().replace('_', ' ')
                  + ", light on the nose and easy to wear all day.",
              types[random.nextInt(types.length)].wire(),
              shape.wire(),
              rims[random.nextInt(rims.length)],
              material.wire(),
              color,
              gender,
              new Measurements(
                  lens,
                  Math.max(15, height),
                  bridge,
                  135.0 + 5 * random.nextInt(3),
                  width,
                  12.0 + random.nextInt(25)),
              new Price(
                  BigDecimal.valueOf(base + random.nextInt(120)).add(new BigDecimal("0.99")),
                  "EUR"),
              random.nextInt(10) == 0 ? 0 : random.nextInt(40),
              random.nextInt(12) == 0 ? "draft" : "active",
              List.of("https://images.example.com/demo/" + (i + 1) + ".jpg"),
              List.of(shapeName, material.wire().replace('_', ' '), color),
              null));
    }
    return frames;
  }

  static List<CustomerInput> customers() {
    Eye mild = new Eye(new BigDecimal("-1.25"), new BigDecimal("-0.50"), 90, null);
    return List.of(
        new CustomerInput(
            "Ada Lovelace",
            "ada@example.com",
            "+44 20 7946 0000",
            "1985-12-10",
            new Prescription(mild, mild, new BigDecimal("62")),
            "oval",
            new BigDecimal("138"),
            new ConsentInput(true, true)),
        new CustomerInput(
            "Grace Hopper",
            "grace@example.com",
            null,
            "1976-12-09",
            null,
            null,
            null,
            new ConsentInput(false, false)),
        new CustomerInput(
            "Alan Turing",
            "alan@example.com",
            "+44 161 496 0000",
            null,
            null,
            "oblong",
            new BigDecimal("141"),
            new ConsentInput(false, true)));
  }
}
