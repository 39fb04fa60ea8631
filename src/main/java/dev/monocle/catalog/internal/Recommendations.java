package dev.monocle.catalog.internal;

import dev.monocle.auth.AccessControl;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.catalog.internal.Vocabulary.Material;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.catalog.internal.Vocabulary.Term;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Frames of the caller's tenant ranked for a shopper: active and in stock, within the price range,
 * scored by {@link FitScore} in the database so that only the best {@code limit} rows travel. Equal
 * scores are ordered by the exact points, then by SKU, so the order never varies.
 */
@ApplicationScoped
public class Recommendations {

  @Inject CatalogJdbc jdbc;
  @Inject AccessControl access;

  /** What the shopper asks for. */
  public record Request(
      FaceShape faceShape,
      BigDecimal faceWidthMm,
      Set<Shape> shapes,
      Set<Material> materials,
      Set<String> colors,
      BigDecimal minPrice,
      BigDecimal maxPrice,
      int limit) {

    public Request {
      shapes = Set.copyOf(shapes);
      materials = Set.copyOf(materials);
      colors = Set.copyOf(colors);
    }
  }

  /** One recommended frame. */
  public record Item(Frame frame, int score, List<String> reasons) {
    public Item {
      reasons = List.copyOf(reasons);
    }
  }

  public List<Item> recommend(Request r) {
    String tenant = access.caller().tenantId();
    FitScore fit = new FitScore(r);
    return jdbc.transaction(
        c -> {
          List<Double> seedPoints = seed(c, tenant, r, fit, true);
          if (seedPoints.size() < r.limit() && r.faceWidthMm() != null) {
            seedPoints = seed(c, tenant, r, fit, false);
          }
          List<Object> params = new ArrayList<>(fit.params());
          StringBuilder sql =
              new StringBuilder("SELECT ")
                  .append(FrameStore.COLUMNS)
                  .append(", ")
                  .append(fit.pointsSql())
                  .append(" AS points FROM catalog_frame")
                  .append(candidates(tenant, r, params));
          if (pruning && seedPoints.size() >= r.limit()) {
            seedPoints.sort(Collections.reverseOrder());
            fit.prune(seedPoints.get(r.limit() - 1), sql, params);
          }
          sql.append(" ORDER BY points DESC, sku ASC LIMIT ?");
          params.add(r.limit());
          List<Item> items = new ArrayList<>();
          try (PreparedStatement s = statement(c, sql.toString(), params);
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              Frame frame = FrameStore.read(rs).frame();
              items.add(new Item(frame, fit.score(rs.getDouble("points")), fit.reasons(frame)));
            }
          }
          return Collections.unmodifiableList(items);
        });
  }

  /**
   * How many frames with the best face-shape score are scored first: the k-th best of them is a
   * floor that the k-th best of all frames reaches, so frames that cannot reach it are skipped.
   */
  static final int SEED = 200;

  private static final BigDecimal NEAR_MM = BigDecimal.valueOf(2);

  /** Off only in tests, to compare the pruned answer with the full scan. */
  boolean pruning = true;

  /**
   * The points of the {@value #SEED} candidates with the best face-shape score, when {@code near}
   * among frames within 2 mm of the face width (where the best answers usually are).
   */
  private static List<Double> seed(
      Connection c, String tenant, Request r, FitScore fit, boolean near) throws SQLException {
    List<Object> params = new ArrayList<>(fit.params());
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(fit.pointsSql())
            .append(" AS points FROM catalog_frame")
            .append(candidates(tenant, r, params));
    if (near && r.faceWidthMm() != null) {
      sql.append(" AND frame_width_mm BETWEEN ? AND ?");
      params.add(r.faceWidthMm().subtract(NEAR_MM));
      params.add(r.faceWidthMm().add(NEAR_MM));
    }
    sql.append(" ORDER BY fit_").append(r.faceShape().wire()).append(" DESC LIMIT ").append(SEED);
    List<Double> points = new ArrayList<>();
    try (PreparedStatement s = statement(c, sql.toString(), params);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        points.add(rs.getDouble(1));
      }
    }
    return points;
  }

  /** The frames that may be recommended at all: active, in stock, in the price range. */
  private static String candidates(String tenant, Request r, List<Object> params) {
    StringBuilder where =
        new StringBuilder(" WHERE tenant_id = ? AND status = 'active' AND stock > 0");
    params.add(tenant);
    if (r.minPrice() != null) {
      where.append(" AND price_amount >= ?");
      params.add(r.minPrice());
    }
    if (r.maxPrice() != null) {
      where.append(" AND price_amount <= ?");
      params.add(r.maxPrice());
    }
    return where.toString();
  }

  private static PreparedStatement statement(Connection c, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  /** Names of a set of terms, for SQL {@code IN} lists. */
  static List<String> wires(Set<? extends Term> terms) {
    return terms.stream().map(Term::wire).sorted().toList();
  }
}
