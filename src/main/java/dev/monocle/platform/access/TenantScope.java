package dev.monocle.platform.access;

import java.util.Optional;

/**
 * Which tenants the caller of this request may see, for modules that scope their own reads (the
 * audit trail). Declared here so that any module can ask; the auth module answers it from the
 * authenticated caller.
 */
public interface TenantScope {

  /**
   * Empty when the caller sees every tenant (platform admins and platform auditors); otherwise the
   * id of the caller's own tenant. A request without a caller is refused with 401.
   */
  Optional<String> restrictedTo();
}
