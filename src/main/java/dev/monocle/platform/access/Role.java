package dev.monocle.platform.access;

import java.util.Locale;
import java.util.Optional;

/** The roles of the API contract. Admin roles need MFA. */
public enum Role {
  PLATFORM_ADMIN(true, true),
  TENANT_ADMIN(true, false),
  CATALOG_EDITOR(false, false),
  AUDITOR(false, false),
  TRANSLATOR(false, false),
  VIEWER(false, false);

  private final boolean admin;
  private final boolean platformWide;

  Role(boolean admin, boolean platformWide) {
    this.admin = admin;
    this.platformWide = platformWide;
  }

  /** The name on the wire and in tokens: {@code platform_admin}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Needs MFA and gets the shorter refresh lifetime. */
  public boolean isAdmin() {
    return admin;
  }

  /** Sees all tenants. */
  public boolean isPlatformWide() {
    return platformWide;
  }

  public static Optional<Role> fromWire(String name) {
    for (Role r : values()) {
      if (r.wireName().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
