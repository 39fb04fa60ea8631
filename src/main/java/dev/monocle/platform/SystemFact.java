package dev.monocle.platform;

/**
 * A security-relevant fact the platform itself observed (key rotation and re-encryption, reads of
 * secrets), fired as a CDI event: the platform imports no module, and the audit module records each
 * fact as an event with actor {@code system}. Facts carry names and ids, never material.
 */
public record SystemFact(
    String action, boolean success, String targetType, String targetId, String reason) {

  public static SystemFact success(
      String action, String targetType, String targetId, String reason) {
    return new SystemFact(action, true, targetType, targetId, reason);
  }
}
