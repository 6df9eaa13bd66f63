-- The start page as staff edit it (/admin/startseite): an introduction (Markdown, German and optionally
-- English, rendered and cleaned once per save), up to six highlights and the order of the page's sections.
-- No row: the built-in text of the message bundle. Next dates, news and newest businesses stay automatic.
CREATE TABLE start_page (
    id             SMALLINT      PRIMARY KEY CHECK (id = 1),
    intro          VARCHAR(5000) NOT NULL,
    intro_en       VARCHAR(5000),
    intro_html     TEXT          NOT NULL,
    intro_en_html  TEXT,
    -- StartPageSection names, each once
    sections       VARCHAR(20)[] NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    updated_by     VARCHAR(320),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE start_page_highlight (
    position   SMALLINT     PRIMARY KEY CHECK (position BETWEEN 0 AND 5),
    title      VARCHAR(120) NOT NULL,
    title_en   VARCHAR(120),
    text       VARCHAR(400) NOT NULL,
    text_en    VARCHAR(400),
    -- a portal page ("/fairtrade") or another site over https
    link       VARCHAR(500) NOT NULL CHECK (link ~ '^(/[^/]|/$|https://)')
);
