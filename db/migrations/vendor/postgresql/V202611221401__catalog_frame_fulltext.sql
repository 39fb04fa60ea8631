-- PostgreSQL only: the free-text search of frames runs on this GIN index. search_text holds the
-- normalised words of name, brand, model, description and tags (made by Monocle), so the 'simple'
-- configuration (no stemming) gives the same matches as the embedded database's word search.
CREATE INDEX catalog_frame_fulltext ON catalog_frame
    USING GIN (to_tsvector('simple', search_text));
