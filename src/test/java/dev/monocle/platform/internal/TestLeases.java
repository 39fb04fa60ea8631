package dev.monocle.platform.internal;

import dev.monocle.platform.Leases;
import java.time.Clock;
import javax.sql.DataSource;

/** The platform's database leases, for tests that wire modules by hand. */
public final class TestLeases {

  private TestLeases() {}

  public static Leases on(DataSource dataSource, Clock clock, String owner) {
    return new JdbcLeases(() -> dataSource, clock, owner);
  }
}
