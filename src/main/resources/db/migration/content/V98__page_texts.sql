-- Seitentexte (issue #12): staff's own text for a message key of a public page (/admin/seitentexte), German and
-- optionally English, in place of the built-in text of the message bundle. A row exists only where staff's text
-- differs from the built-in one, so improvements of the built-in text reach every text staff left alone. The
-- application's MessageSource consults these rows first (kept in memory per data version; the trigger of the
-- afterMigrate callback advances data_version on every change, so kept pages and the search renew).
CREATE TABLE page_text (
    key      VARCHAR(120)  PRIMARY KEY,
    page     VARCHAR(20)   NOT NULL,
    text_de  VARCHAR(5000) NOT NULL,
    text_en  VARCHAR(5000)
);

-- One row per page once staff saved it: its version for optimistic locking.
CREATE TABLE page_text_page (
    page        VARCHAR(20)  PRIMARY KEY,
    version     BIGINT       NOT NULL DEFAULT 0,
    updated_by  VARCHAR(320),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
