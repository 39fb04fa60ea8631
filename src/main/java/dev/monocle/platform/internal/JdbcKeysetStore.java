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
  public Optional<Stored> load(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT keyset, version FROM platform_keyset WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Stored(rs.getString(1), rs.getLong(2)))
            : Optional.empty();
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
                "INSERT INTO platform_keyset (name, keyset, updated_at, version) VALUES (?, ?, ?, 0)")) {
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
  public boolean replace(String name, long expectedVersion, String encryptedKeyset) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE platform_keyset SET keyset = ?, updated_at = ?, version = version + 1"
                    + " WHERE name = ? AND version = ?")) {
      s.setString(1, encryptedKeyset);
      s.setTimestamp(2, Timestamp.from(Instant.now()));
      s.setString(3, name);
      s.setLong(4, expectedVersion);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store keyset " + name, e);
    }
  }
}
