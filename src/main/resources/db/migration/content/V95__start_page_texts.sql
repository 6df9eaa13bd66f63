-- The rest of the start page's own text, editable like the introduction (issue #12): the page heading and the
-- heading "About this portal" (one line each), the paragraph of the Reallabore section and the text about the
-- portal (Markdown, rendered and cleaned once per save), each German and optionally English.
-- NULL German text (a row saved before this migration, or a restored version from then): the built-in text of
-- the message bundle, German and English.
ALTER TABLE start_page
    ADD COLUMN heading             VARCHAR(120),
    ADD COLUMN heading_en          VARCHAR(120),
    ADD COLUMN reallabore_text     VARCHAR(5000),
    ADD COLUMN reallabore_text_en  VARCHAR(5000),
    ADD COLUMN reallabore_html     TEXT,
    ADD COLUMN reallabore_en_html  TEXT,
    ADD COLUMN about_heading       VARCHAR(120),
    ADD COLUMN about_heading_en    VARCHAR(120),
    ADD COLUMN about_text          VARCHAR(5000),
    ADD COLUMN about_text_en       VARCHAR(5000),
    ADD COLUMN about_html          TEXT,
    ADD COLUMN about_en_html       TEXT,
    ADD CONSTRAINT start_page_reallabore_html CHECK ((reallabore_text IS NULL) = (reallabore_html IS NULL)
        AND (reallabore_text_en IS NULL) = (reallabore_en_html IS NULL)),
    ADD CONSTRAINT start_page_about_html CHECK ((about_text IS NULL) = (about_html IS NULL)
        AND (about_text_en IS NULL) = (about_en_html IS NULL));
