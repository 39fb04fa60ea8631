-- Data lifecycle: keyset versions (so that two instances rotating at once cannot lose a key),
-- data-key metadata (ages, retirement, removal; never material), the re-encryption job that moves
-- every sealed column onto the primary key, and leases that let one instance of a cluster run a
-- background job.
ALTER TABLE platform_keyset ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE platform_data_key (
    keyset      VARCHAR(64)  NOT NULL,
    key_id      BIGINT       NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    retired_at  TIMESTAMP,
    removed_at  TIMESTAMP,
    PRIMARY KEY (keyset, key_id)
);

CREATE TABLE platform_reencryption (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    generation        INT           NOT NULL,
    target_key_id     BIGINT        NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    not_before        TIMESTAMP     NOT NULL,
    started_at        TIMESTAMP     NOT NULL,
    finished_at       TIMESTAMP,
    table_index       INT           NOT NULL,
    last_id           VARCHAR(64),
    passes            INT           NOT NULL,
    rows_total        BIGINT        NOT NULL,
    rows_scanned      BIGINT        NOT NULL,
    values_resealed   BIGINT        NOT NULL,
    updated_at        TIMESTAMP     NOT NULL,
    CONSTRAINT platform_reencryption_state CHECK (state IN ('running', 'finished'))
);
CREATE INDEX platform_reencryption_state ON platform_reencryption (state, started_at);

CREATE TABLE platform_lease (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    owner       VARCHAR(100)  NOT NULL,
    expires_at  TIMESTAMP     NOT NULL
);
