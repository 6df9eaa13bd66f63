-- The portal-wide search (/suche): one row per findable page or record, fed by the modules
-- (SearchableSource beans and SearchableDocumentChanged events). Folding as in the directory (V8).
CREATE TABLE search_document (
    kind           VARCHAR(40)  NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*$'),
    key            VARCHAR(200) NOT NULL,
    language       VARCHAR(5)   NOT NULL CHECK (language IN ('de', 'en')),
    title          VARCHAR(300) NOT NULL,
    body           TEXT         NOT NULL DEFAULT '',
    url            VARCHAR(500) NOT NULL CHECK (url LIKE '/%'),
    updated        TIMESTAMPTZ  NOT NULL,
    title_folded   TEXT GENERATED ALWAYS AS (portal_fold(title)) STORED,
    search_vector  TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('german'::regconfig, portal_fold(title)), 'A')
        || setweight(to_tsvector('german'::regconfig, portal_fold(body)), 'B')) STORED,
    PRIMARY KEY (kind, key, language)
);
CREATE INDEX search_document_vector_idx ON search_document USING GIN (search_vector);
CREATE INDEX search_document_title_trgm_idx ON search_document USING GIN (title_folded gin_trgm_ops);

-- What each source delivered last (its data version or a hash of its documents), so an unchanged
-- source is not written again by the periodic reconciliation.
CREATE TABLE search_source (
    kind         VARCHAR(40)  PRIMARY KEY,
    fingerprint  VARCHAR(80)  NOT NULL,
    indexed_at   TIMESTAMPTZ  NOT NULL
);
