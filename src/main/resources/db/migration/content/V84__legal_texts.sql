-- The text sections of Impressum, Datenschutz and Barrierefreiheit as staff changed them (/admin/rechtliches).
-- A row exists only where staff's text differs from the built-in text of the message bundle (legal.*), so
-- improvements of the built-in text reach every section staff left alone. Operator data stay configuration.
CREATE TABLE legal_text (
    key      VARCHAR(80)   PRIMARY KEY,
    page     VARCHAR(20)   NOT NULL CHECK (page IN ('IMPRESSUM', 'DATENSCHUTZ', 'BARRIEREFREIHEIT')),
    text_de  VARCHAR(5000) NOT NULL,
    text_en  VARCHAR(5000)
);

-- One row per page once staff saved it: its version (optimistic locking) and, for the accessibility
-- statement, the dates it was made and last reviewed (null: the configured dates).
CREATE TABLE legal_page (
    page            VARCHAR(20)  PRIMARY KEY CHECK (page IN ('IMPRESSUM', 'DATENSCHUTZ', 'BARRIEREFREIHEIT')),
    statement_date  DATE,
    review_date     DATE,
    version         BIGINT       NOT NULL DEFAULT 0,
    updated_by      VARCHAR(320),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (review_date IS NULL OR statement_date IS NULL OR review_date >= statement_date)
);
