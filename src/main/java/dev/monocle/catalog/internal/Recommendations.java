package dev.monocle.catalog.internal;

import dev.monocle.auth.AccessControl;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.catalog.internal.Vocabulary.Material;
import dev.monocle.catalog.internal.Vocabulary.Shape;
import dev.monocle.catalog.internal.Vocabulary.Term;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
      int limit) {}

  /** One recommended frame. */
  public record Item(Frame frame, int score, List<String> reasons) {}

  public List<Item> recommend(Request r) {
    String tenant = access.caller().tenantId();
    FitScore fit = new FitScore(r);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(FrameStore.COLUMNS)
            .append(", ")
            .append(fit.pointsSql())
            .append(" AS points FROM catalog_frame")
            .append(" WHERE tenant_id = ? AND status = 'active' AND stock > 0");
    List<Object> params = new ArrayList<>(fit.params());
    params.add(tenant);
    if (r.minPrice() != null) {
      sql.append(" AND price_amount >= ?");
      params.add(r.minPrice());
    }
    if (r.maxPrice() != null) {
      sql.append(" AND price_amount <= ?");
      params.add(r.maxPrice());
    }
    sql.append(" ORDER BY points DESC, sku ASC LIMIT ?");
    params.add(r.limit());
    return jdbc.transaction(
        c -> {
          List<Item> items = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
              s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                Frame frame = FrameStore.read(rs).frame();
                double points = rs.getDouble("points");
                items.add(new Item(frame, fit.score(points), fit.reasons(frame)));
              }
            }
          }
          return Collections.unmodifiableList(items);
        });
  }

  /** Names of a set of terms, for SQL {@code IN} lists. */
  static List<String> wires(Set<? extends Term> terms) {
    return terms.stream().map(Term::wire).sorted().toList();
  }
}
