package dev.monocle.audit.internal;

import java.time.Instant;

/** A signed statement that the chain had {@code hash} at {@code seq}. */
public record Checkpoint(long seq, String hash, Instant signedAt, String kid, String signature) {}
