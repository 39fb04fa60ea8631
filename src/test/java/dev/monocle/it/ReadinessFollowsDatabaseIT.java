package dev.monocle.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness follows PostgreSQL down and back up without a restart. The database is taken away by
 * closing the loopback proxy Monocle connects through, then given back.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "MONOCLE_TEST_DATABASE", matches = "postgresql")
class ReadinessFollowsDatabaseIT {

  /** How long a probe may lag behind the database: generous, this is a liveness bound. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BlackBox.war();
  }

  @ArquillianResource URL base;

  @Test
  void readinessGoesDownWithTheDatabaseAndComesBackByItself() throws Exception {
    BlackBox http = new BlackBox(base);
    assertEquals(200, http.get("/health/ready").statusCode());

    TestDatabases.proxy().cut();
    HttpResponse<String> down = awaitStatus(http, 503);
    assertTrue(down.body().contains("\"database\""), down.body());
    assertTrue(down.body().contains("DOWN"), down.body());
    assertEquals(200, http.get("/health/live").statusCode(), "liveness does not follow the DB");

    TestDatabases.proxy().restore();
    HttpResponse<String> up = awaitStatus(http, 200);
    assertTrue(up.body().contains("UP"), up.body());
  }

  private static HttpResponse<String> awaitStatus(BlackBox http, int status) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    HttpResponse<String> last = http.get("/health/ready");
    while (last.statusCode() != status && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      last = http.get("/health/ready");
    }
    assertEquals(
        status, last.statusCode(), "readiness never became " + status + ": " + last.body());
    return last;
  }
}
