package dev.monocle.catalog.internal;

import dev.monocle.catalog.internal.Frame.Localized;
import dev.monocle.catalog.internal.FrameInput.Measurements;
import dev.monocle.catalog.internal.FrameInput.Price;
import dev.monocle.catalog.internal.Vocabulary.FaceShape;
import dev.monocle.platform.JdbcTime;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Frames in table {@code catalog_frame}, in plain JDBC: search needs SQL that JPQL cannot say
 * (full-text operators, keyset conditions), and one row mapping serves every read.
 */
final class FrameStore {

  /** A frame with what the API does not show: its tenant and version. */
  record Stored(String tenantId, long version, boolean fitGiven, Frame frame) {}

  static final String COLUMNS =
      "id, tenant_id, version, sku, name, brand, model, description, frame_type, shape, rim,"
          + " material, color, gender, lens_width_mm, lens_height_mm, bridge_width_mm,"
          + " temple_length_mm, frame_width_mm, weight_g, size, price_amount, price_currency,"
          + " stock, status, images, tags, fit_oval, fit_round, fit_square, fit_heart,"
          + " fit_diamond, fit_oblong, localized, created_at, updated_at, fit_given";

  private static final String WRITTEN =
      "sku, name, name_key, brand, brand_key, model, description, frame_type, shape, rim,"
          + " material, color, color_key, gender, lens_width_mm, lens_height_mm,"
          + " bridge_width_mm, temple_length_mm, frame_width_mm, weight_g, size, price_amount,"
          + " price_currency, stock, status, images, tags, fit_given, fit_oval, fit_round,"
          + " fit_square, fit_heart, fit_diamond, fit_oblong, localized, search_text, updated_at";

  private static final int WRITTEN_COUNT = 37;

  static final String INSERT =
      "INSERT INTO catalog_frame ("
          + WRITTEN
          + ", id, tenant_id, created_at, version) VALUES ("
          + "?,".repeat(WRITTEN_COUNT + 3)
          + "0)";

  static final String UPDATE =
      "UPDATE catalog_frame SET "
          + String.join(" = ?, ", WRITTEN.split(",\\s*"))
          + " = ?, version = version + 1 WHERE id = ? AND version = ?";

  private FrameStore() {}

  static Optional<Stored> find(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM catalog_frame WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** Binds an insert of a new frame (for single use or a batch). */
  static void bindInsert(
      PreparedStatement s,
      String id,
      String tenantId,
      FrameInput f,
      Map<String, Localized> localized,
      Instant now)
      throws SQLException {
    int next = bindWritten(s, f, localized, now);
    s.setString(next++, id);
    s.setString(next++, tenantId);
    s.setObject(next, JdbcTime.toColumn(now));
  }

  /** Binds an update of a frame at {@code version} (for single use or a batch). */
  static void bindUpdate(
      PreparedStatement s,
      String id,
      long version,
      FrameInput f,
      Map<String, Localized> localized,
      Instant now)
      throws SQLException {
    int next = bindWritten(s, f, localized, now);
    s.setString(next++, id);
    s.setLong(next, version);
  }

  private static int bindWritten(
      PreparedStatement s, FrameInput f, Map<String, Localized> localized, Instant now)
      throws SQLException {
    FrameFacts facts = FrameFacts.of(f);
    Measurements m = f.measurements();
    int i = 1;
    s.setString(i++, f.sku());
    s.setString(i++, f.name());
    s.setString(i++, key(f.name()));
    s.setString(i++, f.brand());
    s.setString(i++, key(f.brand()));
    s.setString(i++, f.model());
    s.setString(i++, f.description());
    s.setString(i++, f.frameType());
    s.setString(i++, f.shape());
    s.setString(i++, f.rim());
    s.setString(i++, f.material());
    s.setString(i++, f.color());
    s.setString(i++, key(f.color()));
    s.setString(i++, f.gender());
    for (Double mm :
        new Double[] {
          m.lensWidthMm(),
          m.lensHeightMm(),
          m.bridgeWidthMm(),
          m.templeLengthMm(),
          m.frameWidthMm(),
          m.weightG()
        }) {
      setDecimal(s, i++, mm);
    }
    s.setString(i++, facts.size() == null ? null : facts.size().name());
    s.setBigDecimal(i++, f.price().amount());
    s.setString(i++, f.price().currency());
    s.setInt(i++, f.stock());
    s.setString(i++, f.status());
    s.setString(i++, JsonColumns.write(f.images()));
    s.setString(i++, JsonColumns.write(f.tags()));
    s.setBoolean(i++, facts.fitGiven());
    for (FaceShape face : FaceShape.values()) {
      s.setInt(i++, facts.fit().get(face));
    }
    s.setString(i++, JsonColumns.write(localized));
    s.setString(i++, facts.searchText());
    s.setObject(i++, JdbcTime.toColumn(now));
    return i;
  }

  /** The lower-case form filters and name sorting compare. */
  static String key(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static void setDecimal(PreparedStatement s, int index, Double value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.DECIMAL);
    } else {
      s.setBigDecimal(index, BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP));
    }
  }

  /** Reads a row selected with {@link #COLUMNS} (first in the select list). */
  static Stored read(ResultSet rs) throws SQLException {
    Map<FaceShape, Integer> fit = new EnumMap<>(FaceShape.class);
    for (FaceShape face : FaceShape.values()) {
      fit.put(face, rs.getInt(28 + face.ordinal()));
    }
    Measurements m =
        new Measurements(mm(rs, 15), mm(rs, 16), mm(rs, 17), mm(rs, 18), mm(rs, 19), mm(rs, 20));
    List<String> images = JsonColumns.strings(rs.getString(26));
    List<String> tags = JsonColumns.strings(rs.getString(27));
    Map<String, Localized> localized = JsonColumns.localized(rs.getString(34));
    FrameInput input =
        new FrameInput(
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12),
            rs.getString(13),
            rs.getString(14),
            m,
            new Price(rs.getBigDecimal(22), rs.getString(23)),
            rs.getInt(24),
            rs.getString(25),
            images,
            tags,
            FaceShapeFit.toScores(fit));
    Frame frame =
        new Frame(
            rs.getString(1),
            input.sku(),
            input.name(),
            input.brand(),
            input.model(),
            input.description(),
            input.frameType(),
            input.shape(),
            input.rim(),
            input.material(),
            input.color(),
            input.gender(),
            m,
            input.price(),
            input.stock(),
            input.status(),
            images,
            tags,
            input.faceShapeScores(),
            rs.getString(21),
            FrameQuality.of(input),
            localized,
            JdbcTime.instant(rs, 35),
            JdbcTime.instant(rs, 36));
    return new Stored(rs.getString(2), rs.getLong(3), rs.getBoolean(37), frame);
  }

  private static Double mm(ResultSet rs, int column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.doubleValue();
  }

  /** The frame as it was written, to replace or merge-patch it. */
  static FrameInput inputOf(Stored stored) {
    Frame f = stored.frame();
    return new FrameInput(
        f.sku(),
        f.name(),
        f.brand(),
        f.model(),
        f.description(),
        f.frameType(),
        f.shape(),
        f.rim(),
        f.material(),
        f.color(),
        f.gender(),
        f.measurements(),
        f.price(),
        f.stock(),
        f.status(),
        f.images(),
        f.tags(),
        stored.fitGiven() ? f.faceShapeScores() : null);
  }
}
