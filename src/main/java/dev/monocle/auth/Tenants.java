package dev.monocle.auth;

/** Tenants for other modules' start-up work (the dev profile's demo data). */
public interface Tenants {

  /** The id of the tenant with this slug, created (active) if it does not exist yet. */
  String ensure(String slug, String name);
}
