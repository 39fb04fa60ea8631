-- Decoder nodes registered through /api/v1/admin/decoders (configured nodes and the local engine
-- live in configuration). The API key a Monocle node is called with is sealed (AEAD bound to the
-- row and column), never stored in clear.
CREATE TABLE translation_decoder_node (
    id          UUID          PRIMARY KEY,
    url         VARCHAR(2048) NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    api_key     BYTEA,
    drained     BOOLEAN       NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    created_by  UUID,
    CONSTRAINT translation_decoder_node_kind CHECK (kind IN ('monocle', 'apy')),
    CONSTRAINT translation_decoder_node_url UNIQUE (url)
);
