package dev.monocle.platform.internal;

import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.Leases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link Leases} in table {@code platform_lease}: one conditional update takes a lapsed lease or
 * renews one's own; an insert creates a lease nobody held yet (the primary key settles a race).
 */
final class JdbcLeases implements Leases {

  private final Supplier<DataSource> dataSource;
  private final Clock clock;
  private final String owner;

  JdbcLeases(Supplier<DataSource> dataSource, Clock clock, String owner) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.owner = owner;
  }

  @Override
  public boolean tryAcquire(String name, Duration length) {
    Instant now = clock.instant();
    try (Connection c = dataSource.get().getConnection()) {
      try (PreparedStatement take =
          c.prepareStatement(
              "UPDATE platform_lease SET owner = ?, expires_at = ?"
                  + " WHERE name = ? AND (owner = ? OR expires_at < ?)")) {
        take.setString(1, owner);
        take.setObject(2, JdbcTime.toColumn(now.plus(length)));
        take.setString(3, name);
        take.setString(4, owner);
        take.setObject(5, JdbcTime.toColumn(now));
        if (take.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement create =
          c.prepareStatement(
              "INSERT INTO platform_lease (name, owner, expires_at) VALUES (?, ?, ?)")) {
        create.setString(1, name);
        create.setString(2, owner);
        create.setObject(3, JdbcTime.toColumn(now.plus(length)));
        return create.executeUpdate() == 1;
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          return false; // another instance holds it
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("lease " + name + " not taken", e);
    }
  }

  @Override
  public void release(String name) {
    try (Connection c = dataSource.get().getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM platform_lease WHERE name = ? AND owner = ?")) {
      s.setString(1, name);
      s.setString(2, owner);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("lease " + name + " not released", e);
    }
  }
}
