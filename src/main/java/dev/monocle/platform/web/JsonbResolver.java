package dev.monocle.platform.web;

import dev.monocle.platform.JsonBinding;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Gives every resource Monocle's one JSON-B configuration ({@link JsonBinding}). */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

  @Override
  public Jsonb getContext(Class<?> type) {
    return JsonBinding.jsonb();
  }
}
