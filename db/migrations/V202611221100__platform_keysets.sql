-- Tink keysets (data keys, blind-index key), each encrypted under the key-encryption key.
-- The KEK itself never reaches the database.
CREATE TABLE platform_keyset (
    name        VARCHAR(64)    NOT NULL PRIMARY KEY,
    keyset      VARCHAR(65536) NOT NULL,
    updated_at  TIMESTAMP      NOT NULL
);
