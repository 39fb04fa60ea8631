-- Catalog: eyewear frames (searchable, with derived size, face-shape fit and quality) and the
-- retailer's customers, whose personal data is encrypted per field (BYTEA columns hold Tink
-- ciphertext bound to row and column; the email is found by its blind index).
-- The *_key columns hold the lower-cased text, which can be longer than the original (İ → i̇).
CREATE TABLE catalog_frame (
    id                VARCHAR(36)      NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(36)      NOT NULL,
    sku               VARCHAR(64)      NOT NULL,
    name              VARCHAR(200)     NOT NULL,
    name_key          VARCHAR(400)     NOT NULL,
    brand             VARCHAR(100),
    brand_key         VARCHAR(200),
    model             VARCHAR(100),
    description       VARCHAR(5000),
    frame_type        VARCHAR(16)      NOT NULL,
    shape             VARCHAR(16)      NOT NULL,
    rim               VARCHAR(16),
    material          VARCHAR(16),
    color             VARCHAR(50),
    color_key         VARCHAR(100),
    gender            VARCHAR(8),
    lens_width_mm     DECIMAL(5, 1),
    lens_height_mm    DECIMAL(5, 1),
    bridge_width_mm   DECIMAL(5, 1),
    temple_length_mm  DECIMAL(5, 1),
    frame_width_mm    DECIMAL(5, 1),
    weight_g          DECIMAL(5, 1),
    size              VARCHAR(2),
    price_amount      DECIMAL(12, 2)   NOT NULL,
    price_currency    VARCHAR(3)       NOT NULL,
    stock             INT              NOT NULL,
    status            VARCHAR(8)       NOT NULL,
    images            VARCHAR(50000)   NOT NULL,
    tags              VARCHAR(4000)    NOT NULL,
    fit_given         BOOLEAN          NOT NULL,
    fit_oval          SMALLINT         NOT NULL,
    fit_round         SMALLINT         NOT NULL,
    fit_square        SMALLINT         NOT NULL,
    fit_heart         SMALLINT         NOT NULL,
    fit_diamond       SMALLINT         NOT NULL,
    fit_oblong        SMALLINT         NOT NULL,
    localized         VARCHAR(1000000) NOT NULL,
    search_text       VARCHAR(12000)   NOT NULL,
    created_at        TIMESTAMP        NOT NULL,
    updated_at        TIMESTAMP        NOT NULL,
    version           BIGINT           NOT NULL,
    CONSTRAINT catalog_frame_tenant_sku UNIQUE (tenant_id, sku)
);
-- One index per filter and per sort order, each led by the tenant (every query is scoped to one).
-- The face-shape indexes also carry the frame width: recommendations narrow on both at once.
CREATE INDEX catalog_frame_newest ON catalog_frame (tenant_id, created_at, id);
CREATE INDEX catalog_frame_price ON catalog_frame (tenant_id, price_amount, id);
CREATE INDEX catalog_frame_name ON catalog_frame (tenant_id, name_key, id);
CREATE INDEX catalog_frame_brand ON catalog_frame (tenant_id, brand_key);
CREATE INDEX catalog_frame_shape ON catalog_frame (tenant_id, shape);
CREATE INDEX catalog_frame_material ON catalog_frame (tenant_id, material);
CREATE INDEX catalog_frame_color ON catalog_frame (tenant_id, color_key);
CREATE INDEX catalog_frame_type ON catalog_frame (tenant_id, frame_type);
CREATE INDEX catalog_frame_gender ON catalog_frame (tenant_id, gender);
CREATE INDEX catalog_frame_size ON catalog_frame (tenant_id, size);
CREATE INDEX catalog_frame_status_stock ON catalog_frame (tenant_id, status, stock);
CREATE INDEX catalog_frame_fit_oval ON catalog_frame (tenant_id, fit_oval, frame_width_mm);
CREATE INDEX catalog_frame_fit_round ON catalog_frame (tenant_id, fit_round, frame_width_mm);
CREATE INDEX catalog_frame_fit_square ON catalog_frame (tenant_id, fit_square, frame_width_mm);
CREATE INDEX catalog_frame_fit_heart ON catalog_frame (tenant_id, fit_heart, frame_width_mm);
CREATE INDEX catalog_frame_fit_diamond ON catalog_frame (tenant_id, fit_diamond, frame_width_mm);
CREATE INDEX catalog_frame_fit_oblong ON catalog_frame (tenant_id, fit_oblong, frame_width_mm);

CREATE TABLE catalog_customer (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id          VARCHAR(36)  NOT NULL,
    full_name          BYTEA,
    email              BYTEA,
    email_index        VARCHAR(64),
    phone              BYTEA,
    date_of_birth      BYTEA,
    prescription       BYTEA,
    face_shape         BYTEA,
    face_width_mm      BYTEA,
    consent_marketing  BOOLEAN      NOT NULL,
    consent_biometric  BOOLEAN      NOT NULL,
    consent_given_at   TIMESTAMP,
    created_at         TIMESTAMP    NOT NULL,
    updated_at         TIMESTAMP    NOT NULL,
    last_activity_at   TIMESTAMP    NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT catalog_customer_tenant_email UNIQUE (tenant_id, email_index)
);
CREATE INDEX catalog_customer_tenant ON catalog_customer (tenant_id, id);
