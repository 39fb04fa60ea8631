package dev.monocle.translation.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.FieldBinding;
import dev.monocle.platform.FieldCipher;
import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The decoder nodes registered through the admin API, shared by every coordinator on the database.
 * A Monocle node's API key is sealed, bound to its row.
 */
@ApplicationScoped
@SealedColumn(table = "translation_decoder_node", column = "api_key")
public class NodeStore {

  @Inject Database database;
  @Inject FieldCipher cipher;

  /** A registered node; {@code apiKey} is open (null for APy nodes). */
  record Registered(UUID id, String url, String kind, String apiKey, boolean drained) {}

  List<Registered> all() {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, url, kind, api_key, drained FROM translation_decoder_node ORDER BY created_at, id");
        ResultSet rows = s.executeQuery()) {
      List<Registered> nodes = new ArrayList<>();
      while (rows.next()) {
        UUID id = rows.getObject(1, UUID.class);
        byte[] sealed = rows.getBytes(4);
        String key = sealed == null ? null : cipher.open(sealed, binding(id));
        nodes.add(
            new Registered(id, rows.getString(2), rows.getString(3), key, rows.getBoolean(5)));
      }
      return nodes;
    } catch (SQLException e) {
      throw new IllegalStateException("decoder nodes unreadable", e);
    }
  }

  /** Registers a node; false when a node with this URL is already registered. */
  boolean insert(UUID id, String url, String kind, String apiKey, UUID createdBy) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO translation_decoder_node (id, url, kind, api_key, drained, created_at,"
                    + " created_by) VALUES (?, ?, ?, ?, FALSE, ?, ?)")) {
      s.setObject(1, id);
      s.setString(2, url);
      s.setString(3, kind);
      s.setBytes(4, apiKey == null ? null : cipher.seal(apiKey, binding(id)));
      s.setObject(5, JdbcTime.toColumn(Instant.now()));
      s.setObject(6, createdBy);
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException("decoder node not stored", e);
    }
  }

  boolean setDrained(UUID id, boolean drained) {
    return update("UPDATE translation_decoder_node SET drained = ? WHERE id = ?", id, drained);
  }

  boolean delete(UUID id) {
    return update("DELETE FROM translation_decoder_node WHERE id = ?", id, null);
  }

  private boolean update(String sql, UUID id, Boolean drained) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int at = 1;
      if (drained != null) {
        s.setBoolean(at++, drained);
      }
      s.setObject(at, id);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("decoder node not updated", e);
    }
  }

  private static FieldBinding binding(UUID id) {
    return new FieldBinding("translation_decoder_node", "api_key", id.toString());
  }
}
