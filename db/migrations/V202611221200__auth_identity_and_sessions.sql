-- Auth: tenants, users (email encrypted, with a blind index), role assignments with their
-- history, sessions (refresh-token families), refresh tokens (hashes only), MFA, API keys
-- (hashes only) and the JWT signing keys (private parts encrypted with the data keys).
CREATE TABLE auth_tenant (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    slug        VARCHAR(64)   NOT NULL UNIQUE,
    name        VARCHAR(200)  NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    version     BIGINT        NOT NULL
);

CREATE TABLE auth_user (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(36)   NOT NULL REFERENCES auth_tenant (id),
    username             VARCHAR(64)   NOT NULL,
    email                BYTEA,
    email_index          VARCHAR(64),
    password_hash        VARCHAR(256)  NOT NULL,
    disabled             BOOLEAN       NOT NULL,
    mfa_enabled          BOOLEAN       NOT NULL,
    mfa_secret           BYTEA,
    mfa_pending_secret   BYTEA,
    mfa_last_step        BIGINT        NOT NULL,
    failed_logins        INT           NOT NULL,
    locked_until         TIMESTAMP,
    password_changed_at  TIMESTAMP     NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    updated_at           TIMESTAMP     NOT NULL,
    version              BIGINT        NOT NULL,
    CONSTRAINT auth_user_tenant_username UNIQUE (tenant_id, username)
);
CREATE INDEX auth_user_email_index ON auth_user (email_index);

CREATE TABLE auth_role_assignment (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id           VARCHAR(36)  NOT NULL REFERENCES auth_user (id),
    role              VARCHAR(32)  NOT NULL,
    granted_by        VARCHAR(36),
    granted_at        TIMESTAMP    NOT NULL,
    last_reviewed_at  TIMESTAMP,
    reviewed_by       VARCHAR(36),
    CONSTRAINT auth_role_assignment_user_role UNIQUE (user_id, role)
);

CREATE TABLE auth_session (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id        VARCHAR(36)  NOT NULL REFERENCES auth_user (id),
    tenant_id      VARCHAR(36)  NOT NULL,
    amr            VARCHAR(32)  NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    expires_at     TIMESTAMP    NOT NULL,
    last_used_at   TIMESTAMP    NOT NULL,
    revoked_at     TIMESTAMP,
    revoke_reason  VARCHAR(64)
);
CREATE INDEX auth_session_user ON auth_session (user_id);
CREATE INDEX auth_session_revoked_at ON auth_session (revoked_at);

CREATE TABLE auth_refresh_token (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    session_id  VARCHAR(36)  NOT NULL REFERENCES auth_session (id),
    issued_at   TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    spent_at    TIMESTAMP
);
CREATE INDEX auth_refresh_token_session ON auth_refresh_token (session_id);

CREATE TABLE auth_recovery_code (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36)  NOT NULL REFERENCES auth_user (id),
    code_hash  VARCHAR(64)  NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX auth_recovery_code_user ON auth_recovery_code (user_id);

CREATE TABLE auth_mfa_challenge (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(36)  NOT NULL REFERENCES auth_user (id),
    purpose     VARCHAR(16)  NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    spent_at    TIMESTAMP,
    failures    INT          NOT NULL
);

CREATE TABLE auth_api_key (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(36)   NOT NULL REFERENCES auth_tenant (id),
    name          VARCHAR(100)  NOT NULL,
    prefix        VARCHAR(16)   NOT NULL UNIQUE,
    secret_hash   VARCHAR(64)   NOT NULL,
    scopes        VARCHAR(500)  NOT NULL,
    created_by    VARCHAR(36),
    created_at    TIMESTAMP     NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    revoked_at    TIMESTAMP,
    last_used_at  TIMESTAMP,
    replaced_by   VARCHAR(36)
);
CREATE INDEX auth_api_key_tenant ON auth_api_key (tenant_id);

CREATE TABLE auth_signing_key (
    kid          VARCHAR(64)  NOT NULL PRIMARY KEY,
    private_jwk  BYTEA        NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    active_from  TIMESTAMP    NOT NULL,
    retired_at   TIMESTAMP
);
