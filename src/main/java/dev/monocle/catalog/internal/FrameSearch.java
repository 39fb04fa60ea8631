package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.FrameQuery.Sort;
import dev.monocle.platform.Database.Engine;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.Page;
import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a frame search as one SQL statement: the filters, the free-text condition
 * (PostgreSQL's full-text index, or word-prefix LIKEs on H2: the same matches), and keyset
 * pagination on the sort key plus the id. A cursor names the last row's key, so frames inserted
 * while a client pages never shift what it has not seen yet.
 */
final class FrameSearch {

  private final List<String> where = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();
  private final FrameQuery query;
  private final Engine engine;

  private FrameSearch(FrameQuery query, Engine engine) {
    this.query = query;
    this.engine = engine;
  }

  /**
   * Frames matching {@code query} in {@code tenant} (every tenant when empty); {@code activeOnly}
   * for callers who may not see drafts and archived frames.
   */
  static Page<Frame> run(
      Connection c,
      Engine engine,
      FrameQuery query,
      Optional<String> tenant,
      boolean activeOnly,
      Page.Request page)
      throws SQLException {
    FrameSearch search = new FrameSearch(query, engine);
    tenant.ifPresent(t -> search.condition("tenant_id = ?", t));
    search.filters(activeOnly);
    Relevance rel = search.relevance();
    search.after(page.after(), rel);
    StringBuilder sql = new StringBuilder("SELECT ").append(FrameStore.COLUMNS);
    List<Object> all = new ArrayList<>();
    if (query.sort() == Sort.RELEVANCE) {
      sql.append(", ").append(rel.sql()).append(" AS rel");
      all.addAll(rel.params());
    }
    sql.append(" FROM catalog_frame");
    if (!search.where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", search.where));
    }
    all.addAll(search.params);
    sql.append(" ORDER BY ").append(orderBy(query.sort())).append(" LIMIT ?");
    all.add(page.limit() + 1);
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < all.size(); i++) {
        s.setObject(i + 1, all.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int relevance = query.sort() == Sort.RELEVANCE ? rs.getInt("rel") : 0;
          rows.add(new Row(FrameStore.read(rs).frame(), relevance));
        }
      }
    }
    Page<Row> found = Page.of(rows, page.limit(), row -> cursorOf(query.sort(), row));
    return new Page<>(
        found.items().stream().map(r -> r.frame().in(query.lang())).toList(), found.nextCursor());
  }

  private record Row(Frame frame, int relevance) {}

  private record Relevance(String sql, List<Object> params) {}

  private void condition(String sql, Object... values) {
    where.add(sql);
    params.addAll(List.of(values));
  }

  private void filters(boolean activeOnly) {
    if (activeOnly) {
      condition("status = ?", "active");
      if (query.status() != null && query.status() != Vocabulary.Status.ACTIVE) {
        condition("1 = 0");
      }
    } else if (query.status() != null) {
      condition("status = ?", query.status().wire());
    } else {
      condition("status <> ?", "archived");
    }
    if (query.brand() != null) {
      condition("brand_key = ?", query.brand());
    }
    if (query.shape() != null) {
      condition("shape = ?", query.shape().wire());
    }
    if (query.material() != null) {
      condition("material = ?", query.material().wire());
    }
    if (query.color() != null) {
      condition("color_key = ?", query.color());
    }
    if (query.frameType() != null) {
      condition("frame_type = ?", query.frameType().wire());
    }
    if (query.gender() != null) {
      condition("gender = ?", query.gender().wire());
    }
    if (query.size() != null) {
      condition("size = ?", query.size().name());
    }
    if (query.faceShape() != null) {
      condition("fit_" + query.faceShape().wire() + " >= ?", FrameQuery.SUITS_FACE);
    }
    if (query.minPrice() != null) {
      condition("price_amount >= ?", query.minPrice());
    }
    if (query.maxPrice() != null) {
      condition("price_amount <= ?", query.maxPrice());
    }
    if (query.inStock() != null) {
      condition(query.inStock() ? "stock > 0" : "stock = 0");
    }
    words();
  }

  /** Every query word must start a word of the frame's text. */
  private void words() {
    if (query.words().isEmpty()) {
      return;
    }
    if (engine == Engine.POSTGRESQL) {
      List<String> prefixes = query.words().stream().map(w -> w + ":*").toList();
      condition(
          "to_tsvector('simple', search_text) @@ to_tsquery('simple', ?)",
          String.join(" & ", prefixes));
    } else {
      for (String w : query.words()) {
        condition("search_text LIKE ?", "% " + w + "%");
      }
    }
  }

  /** Relevance: 3 points per query word in the name, 2 per word in the brand. */
  private Relevance relevance() {
    List<String> terms = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String w : query.words()) {
      terms.add("CASE WHEN name_key LIKE ? THEN 3 ELSE 0 END");
      terms.add("CASE WHEN brand_key LIKE ? THEN 2 ELSE 0 END");
      values.add("%" + w + "%");
      values.add("%" + w + "%");
    }
    return new Relevance(terms.isEmpty() ? "0" : "(" + String.join(" + ", terms) + ")", values);
  }

  private static String orderBy(Sort sort) {
    return switch (sort) {
      case RELEVANCE -> "rel DESC, id ASC";
      case NEWEST -> "created_at DESC, id DESC";
      case PRICE -> "price_amount ASC, id ASC";
      case PRICE_DESC -> "price_amount DESC, id DESC";
      case NAME -> "name_key ASC, id ASC";
      case NAME_DESC -> "name_key DESC, id DESC";
    };
  }

  /** Rows after the cursor's key in the sort order. */
  private void after(String cursor, Relevance rel) {
    if (cursor == null) {
      return;
    }
    int first = cursor.indexOf('|');
    int last = cursor.lastIndexOf('|');
    if (first < 0 || last <= first || !cursor.substring(0, first).equals(query.sort().wire)) {
      throw badCursor();
    }
    String value = cursor.substring(first + 1, last);
    String id = cursor.substring(last + 1);
    if (!FrameCatalog.isId(id)) {
      throw badCursor();
    }
    try {
      switch (query.sort()) {
        case RELEVANCE -> {
          int r = Integer.parseInt(value);
          where.add("(" + rel.sql() + " < ? OR (" + rel.sql() + " = ? AND id > ?))");
          params.addAll(rel.params());
          params.add(r);
          params.addAll(rel.params());
          params.add(r);
          params.add(id);
        }
        case NEWEST -> {
          Object at =
              JdbcTime.toColumn(Instant.EPOCH.plus(Long.parseLong(value), ChronoUnit.MICROS));
          condition("(created_at < ? OR (created_at = ? AND id < ?))", at, at, id);
        }
        case PRICE, PRICE_DESC -> {
          BigDecimal price = new BigDecimal(value);
          if (price.signum() < 0
              || price.compareTo(FrameRules.MAX_PRICE) > 0
              || price.scale() > 2) {
            throw badCursor();
          }
          String op = query.sort() == Sort.PRICE ? ">" : "<";
          condition(
              "(price_amount " + op + " ? OR (price_amount = ? AND id " + op + " ?))",
              price,
              price,
              id);
        }
        case NAME, NAME_DESC -> {
          String op = query.sort() == Sort.NAME ? ">" : "<";
          condition(
              "(name_key " + op + " ? OR (name_key = ? AND id " + op + " ?))", value, value, id);
        }
      }
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      throw badCursor();
    }
  }

  private static String cursorOf(Sort sort, Row row) {
    Frame f = row.frame();
    String value =
        switch (sort) {
          case RELEVANCE -> Integer.toString(row.relevance());
          case NEWEST -> Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, f.createdAt()));
          case PRICE, PRICE_DESC -> f.price().amount().toPlainString();
          case NAME, NAME_DESC -> FrameStore.key(f.name());
        };
    return sort.wire + "|" + value + "|" + f.id();
  }

  private static ProblemException badCursor() {
    return ProblemException.validation(
        List.of(new FieldError("cursor", "does not belong to this search (sort changed?)")));
  }
}
