-- Retention: the period of each data class when an administrator changed it (otherwise the
-- configured default applies), and every run with what it purged. Runs keep counts and ids only.
CREATE TABLE audit_retention_policy (
    data_class   VARCHAR(64)  NOT NULL PRIMARY KEY,
    period_days  INT          NOT NULL,
    updated_at   TIMESTAMP    NOT NULL,
    updated_by   VARCHAR(36)
);

CREATE TABLE audit_retention_run (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    data_class   VARCHAR(64)   NOT NULL,
    trigger_kind VARCHAR(16)   NOT NULL,
    started_at   TIMESTAMP     NOT NULL,
    cutoff       TIMESTAMP     NOT NULL,
    purged       BIGINT        NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    CONSTRAINT audit_retention_run_trigger CHECK (trigger_kind IN ('scheduled', 'manual')),
    CONSTRAINT audit_retention_run_outcome CHECK (outcome IN ('success', 'failure'))
);
CREATE INDEX audit_retention_run_class ON audit_retention_run (data_class, started_at);
