package dev.monocle.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Keysets in table {@code platform_keyset}, always encrypted under the key-encryption key. */
final class JdbcKeysetStore implements KeysetStore {

  private final DataSource dataSource;

  JdbcKeysetStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<String> load(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT keyset FROM platform_keyset WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read keyset " + name, e);
    }
  }

  @Override
  public boolean insertIfAbsent(String name, String encryptedKeyset) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO platform_keyset (name, keyset, updated_at) VALUES (?, ?, ?)")) {
      s.setString(1, name);
      s.setString(2, encryptedKeyset);
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      if (load(name).isPresent()) {
        return false;
      }
      throw new IllegalStateException("cannot store keyset " + name, e);
    }
  }

  @Override
  public void replace(String name, String encryptedKeyset) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE platform_keyset SET keyset = ?, updated_at = ? WHERE name = ?")) {
      s.setString(1, encryptedKeyset);
      s.setTimestamp(2, Timestamp.from(Instant.now()));
      s.setString(3, name);
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("keyset " + name + " does not exist");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store keyset " + name, e);
    }
  }
}
