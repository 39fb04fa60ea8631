package dev.monocle.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B for every resource: {@code snake_case} field names, and unknown fields in a request body
 * are an error rather than silently dropped (mass assignment stays visible).
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false)
              .setProperty("jsonb.fail-on-unknown-properties", true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
