-- The start page's remaining fixed lines, editable like its heading (issue #12): the page title (browser tab and
-- search results), the headings of its sections, the search field's label and the texts of the links to all news,
-- all events and all Reallabore, each one line, German and optionally English.
-- NULL German text (a row saved before this migration, or a restored version from then): the built-in text of the
-- message bundle, German and English, so visitors see the same page as before until staff save their own.
ALTER TABLE start_page
    ADD COLUMN page_title             VARCHAR(120),
    ADD COLUMN page_title_en          VARCHAR(120),
    ADD COLUMN directory_heading      VARCHAR(120),
    ADD COLUMN directory_heading_en   VARCHAR(120),
    ADD COLUMN search_label           VARCHAR(120),
    ADD COLUMN search_label_en        VARCHAR(120),
    ADD COLUMN highlights_heading     VARCHAR(120),
    ADD COLUMN highlights_heading_en  VARCHAR(120),
    ADD COLUMN news_heading           VARCHAR(120),
    ADD COLUMN news_heading_en        VARCHAR(120),
    ADD COLUMN news_all               VARCHAR(120),
    ADD COLUMN news_all_en            VARCHAR(120),
    ADD COLUMN events_heading         VARCHAR(120),
    ADD COLUMN events_heading_en      VARCHAR(120),
    ADD COLUMN events_all             VARCHAR(120),
    ADD COLUMN events_all_en          VARCHAR(120),
    ADD COLUMN reallabore_heading     VARCHAR(120),
    ADD COLUMN reallabore_heading_en  VARCHAR(120),
    ADD COLUMN reallabore_all         VARCHAR(120),
    ADD COLUMN reallabore_all_en      VARCHAR(120);
