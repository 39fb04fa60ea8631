package dev.monocle.platform.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code http_server_responses_total{status_class="2xx|3xx|4xx|5xx"}}: every response of the
 * server, API, pages, health and metrics alike, counted once by the request filter. The alert on a
 * 5xx rate divides the 5xx series by the sum of all of them.
 */
@ApplicationScoped
public class HttpMetrics {

  private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  @Inject MetricRegistry registry;

  private final Counter[] counters = new Counter[CLASSES.length];

  /** Counts one response of {@code status} (a status outside 100–599 counts as 5xx). */
  public void response(int status) {
    int index = status >= 100 && status <= 599 ? status / 100 - 1 : 4;
    Counter counter = counters[index];
    if (counter == null) {
      counter = registry.counter("http_server_responses", new Tag("status_class", CLASSES[index]));
      counters[index] = counter;
    }
    counter.inc();
  }
}
