package dev.monocle.platform.internal;

import dev.monocle.platform.JdbcTime;
import dev.monocle.platform.Leases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link Leases} in table {@code platform_lease}. Each acquisition writes its own token (the
 * instance id and a random part) as owner: one conditional update takes a lapsed lease, an insert
 * creates a lease nobody held yet (the primary key settles a race), and renewal and release match
 * the token. Expiry is judged by the instance's clock: keep cluster clocks in sync (NTP); leases
 * last seconds to minutes, far beyond normal drift.
 */
final class JdbcLeases implements Leases {

  private final Supplier<DataSource> dataSource;
  private final Clock clock;
  private final String instance;

  JdbcLeases(Supplier<DataSource> dataSource, Clock clock, String instance) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.instance = instance;
  }

  @Override
  public Optional<Lease> tryAcquire(String name, Duration length) {
    String token = instance + "#" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = clock.instant();
    try (Connection c = dataSource.get().getConnection()) {
      try (PreparedStatement take =
          c.prepareStatement(
              "UPDATE platform_lease SET owner = ?, expires_at = ? WHERE name = ? AND expires_at < ?")) {
        take.setString(1, token);
        take.setObject(2, JdbcTime.toColumn(now.plus(length)));
        take.setString(3, name);
        take.setObject(4, JdbcTime.toColumn(now));
        if (take.executeUpdate() == 1) {
          return Optional.of(new Held(name, token));
        }
      }
      try (PreparedStatement create =
          c.prepareStatement(
              "INSERT INTO platform_lease (name, owner, expires_at) VALUES (?, ?, ?)")) {
        create.setString(1, name);
        create.setString(2, token);
        create.setObject(3, JdbcTime.toColumn(now.plus(length)));
        create.executeUpdate();
        return Optional.of(new Held(name, token));
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          return Optional.empty(); // someone holds it
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("lease " + name + " not taken", e);
    }
  }

  /** One acquisition of a lease. */
  private final class Held implements Lease {
    private final String name;
    private final String token;

    Held(String name, String token) {
      this.name = name;
      this.token = token;
    }

    @Override
    public boolean renew(Duration length) {
      Instant now = clock.instant();
      try (Connection c = dataSource.get().getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "UPDATE platform_lease SET expires_at = ? WHERE name = ? AND owner = ?")) {
        s.setObject(1, JdbcTime.toColumn(now.plus(length)));
        s.setString(2, name);
        s.setString(3, token);
        return s.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new IllegalStateException("lease " + name + " not renewed", e);
      }
    }

    @Override
    public void close() {
      try (Connection c = dataSource.get().getConnection();
          PreparedStatement s =
              c.prepareStatement("DELETE FROM platform_lease WHERE name = ? AND owner = ?")) {
        s.setString(1, name);
        s.setString(2, token);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("lease " + name + " not released", e);
      }
    }
  }
}
