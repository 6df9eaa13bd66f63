-- The text of /reallabore, editable by staff like the start page (issue #12): the page heading (also its title),
-- the introduction (Markdown, rendered and cleaned once per save) and the heading above the list of the Reallabore,
-- each German and optionally English. One row (id 1) once staff save; no row: the built-in text of the message
-- bundle, German and English, so visitors see the same page as before.
CREATE TABLE reallabor_overview_page (
    id               SMALLINT     PRIMARY KEY CHECK (id = 1),
    heading          VARCHAR(120) NOT NULL,
    heading_en       VARCHAR(120),
    intro            VARCHAR(5000) NOT NULL,
    intro_en         VARCHAR(5000),
    intro_html       TEXT         NOT NULL,
    intro_en_html    TEXT,
    list_heading     VARCHAR(120) NOT NULL,
    list_heading_en  VARCHAR(120),
    version          BIGINT       NOT NULL,
    updated_by       VARCHAR(320),
    updated_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT reallabor_overview_page_intro_en CHECK ((intro_en IS NULL) = (intro_en_html IS NULL))
);

-- Like the other Reallabor tables (V70): a change advances reallabor_data_version, so every instance renews its copy.
CREATE TRIGGER reallabor_overview_page_reallabor_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reallabor_overview_page
    FOR EACH STATEMENT EXECUTE FUNCTION reallabor_changed();
