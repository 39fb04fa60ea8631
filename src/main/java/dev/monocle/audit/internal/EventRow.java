package dev.monocle.audit.internal;

/** An event as stored, with its links: the hash before it and its own. */
public record EventRow(StoredEvent event, String prevHash, String hash) {

  long seq() {
    return event.seq();
  }
}
