-- Signed checkpoints of the audit chain: the head (seq, hash) signed with a key that is not in the
-- database (MONOCLE_AUDIT_SIGNING_KEY, Ed25519). A rewritten chain no longer matches them; after
-- retention, the checkpoint at the last pruned event anchors the remaining trail.
CREATE TABLE audit_checkpoint (
    seq        BIGINT        NOT NULL PRIMARY KEY,
    hash       VARCHAR(64)   NOT NULL,
    signed_at  TIMESTAMP     NOT NULL,
    kid        VARCHAR(64)   NOT NULL,
    signature  VARCHAR(200)  NOT NULL
);
CREATE INDEX audit_event_actor_at ON audit_event (actor_id, at);
