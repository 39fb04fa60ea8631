-- The audit trail: append-only events in one total order, each hash covering the previous hash
-- and the event (see dev.monocle.audit.internal.EventHash). The head row is locked per append.
CREATE TABLE audit_event (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    id           VARCHAR(36)   NOT NULL UNIQUE,
    at           TIMESTAMP     NOT NULL,
    tenant_id    VARCHAR(36),
    actor_type   VARCHAR(16)   NOT NULL,
    actor_id     VARCHAR(64),
    action       VARCHAR(64)   NOT NULL,
    target_type  VARCHAR(64),
    target_id    VARCHAR(128),
    outcome      VARCHAR(16)   NOT NULL,
    reason       VARCHAR(500),
    request_id   VARCHAR(64),
    client_ip    VARCHAR(64),
    prev_hash    VARCHAR(64)   NOT NULL,
    hash         VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_tenant_at ON audit_event (tenant_id, at);
CREATE INDEX audit_event_action_at ON audit_event (action, at);

CREATE TABLE audit_chain_head (
    id    INT          NOT NULL PRIMARY KEY,
    seq   BIGINT       NOT NULL,
    hash  VARCHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
