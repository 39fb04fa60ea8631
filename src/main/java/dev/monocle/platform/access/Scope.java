package dev.monocle.platform.access;

import java.util.Optional;

/** What an API key may do (API keys carry scopes instead of roles). */
public enum Scope {
  CATALOG_READ("catalog:read"),
  CATALOG_WRITE("catalog:write"),
  RECOMMEND("recommend"),
  TRANSLATE("translate"),
  CUSTOMERS_READ("customers:read"),
  CUSTOMERS_WRITE("customers:write"),
  DECODER_NODE("decoder:node");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Scope> fromWire(String name) {
    for (Scope s : values()) {
      if (s.wireName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
