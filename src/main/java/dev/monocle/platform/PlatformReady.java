package dev.monocle.platform;

/**
 * CDI event fired once the database is migrated and key material is loaded; modules that need the
 * database at start-up (bootstrap accounts, key sync) observe it instead of racing the platform.
 */
public record PlatformReady() {}
