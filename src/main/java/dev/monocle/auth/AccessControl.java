package dev.monocle.auth;

/**
 * The one place modules ask about the caller. Endpoint rules are declared with {@code @Allow} /
 * {@code @Public} and enforced before a resource runs; object-level tenant checks use {@link
 * #requireTenant}, so that another tenant's object is a 404 everywhere.
 */
public interface AccessControl {

  /** The authenticated caller of this request. */
  Caller caller();

  /** 404 unless the caller may see objects of {@code tenantId} (own tenant, or platform-wide). */
  void requireTenant(String tenantId);
}
