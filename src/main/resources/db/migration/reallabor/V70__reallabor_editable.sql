-- Staff edit the Reallabore at /admin/reallabore: English beside every German text (empty: the German
-- text is shown, marked lang="de"), goals of their own, links from a measure to the live pages it became,
-- and a data version that every change advances, so every instance rebuilds its cached pages.

-- Background, goals and outlook are Markdown (the seed's blank-line paragraphs already are).
ALTER TABLE reallabor
    ADD COLUMN title_en       VARCHAR(200),
    ADD COLUMN summary_en     TEXT,
    ADD COLUMN background_en  TEXT,
    ADD COLUMN goals          TEXT NOT NULL DEFAULT '',
    ADD COLUMN goals_en       TEXT,
    ADD COLUMN outlook_en     TEXT;

ALTER TABLE measure
    ADD COLUMN title_en         VARCHAR(300),
    ADD COLUMN coordination_en  VARCHAR(300);

ALTER TABLE measure_activity ADD COLUMN text_en TEXT;
ALTER TABLE measure_funding ADD COLUMN text_en TEXT;
ALTER TABLE measure_target_group ADD COLUMN text_en TEXT;
ALTER TABLE measure_added_value ADD COLUMN text_en TEXT;

ALTER TABLE measure_result
    ADD COLUMN text_en        TEXT,
    ADD COLUMN date_label_en  VARCHAR(60);

ALTER TABLE actor ADD COLUMN name_en VARCHAR(200);
ALTER TABLE megatrend ADD COLUMN name_en VARCHAR(120);

-- Reordering swaps positions inside one transaction: the uniqueness is checked at its end.
ALTER TABLE measure DROP CONSTRAINT measure_reallabor_id_position_key;
ALTER TABLE measure ADD CONSTRAINT measure_reallabor_id_position_key
    UNIQUE (reallabor_id, position) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE measure_result DROP CONSTRAINT measure_result_measure_id_position_key;
ALTER TABLE measure_result ADD CONSTRAINT measure_result_measure_id_position_key
    UNIQUE (measure_id, position) DEFERRABLE INITIALLY DEFERRED;

-- The live pages a measure became (LiveOffer in the code).
CREATE TABLE measure_link (
    measure_id  BIGINT      NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    offer       VARCHAR(40) NOT NULL CHECK (offer IN
                ('GUTSCHEIN', 'WOCHENMARKT', 'WLAN', 'HANDWERK', 'SPRECHTAG', 'FAIRTRADE', 'FACHKRAEFTE', 'UNTERNEHMEN')),
    PRIMARY KEY (measure_id, position),
    UNIQUE (measure_id, offer)
);

INSERT INTO measure_link (measure_id, position, offer)
SELECT m.id, x.position, x.offer
FROM (VALUES
    ('hybride-formen-des-handels', 1, 1, 'FAIRTRADE'),
    ('hybride-formen-des-handels', 2, 1, 'UNTERNEHMEN'),
    ('hybride-formen-des-handels', 2, 2, 'WLAN'),
    ('hybride-formen-des-handels', 2, 3, 'GUTSCHEIN'),
    ('hybride-formen-des-handels', 2, 4, 'WOCHENMARKT'),
    ('digitale-koproduktion-im-handwerk', 1, 1, 'HANDWERK'),
    ('digitale-koproduktion-im-handwerk', 1, 2, 'SPRECHTAG'),
    ('fachkraeftesicherung', 1, 1, 'FACHKRAEFTE')
) AS x (slug, measure, position, offer)
JOIN reallabor r ON r.slug = x.slug
JOIN measure m ON m.reallabor_id = r.id AND m.position = x.measure;

-- Version of everything a Reallabor page shows (like directory_version, V25): a sequence takes no row lock.
CREATE SEQUENCE reallabor_data_version;

CREATE FUNCTION reallabor_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('reallabor_data_version');
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['reallabor', 'measure', 'measure_activity', 'measure_funding', 'measure_target_group',
                             'measure_added_value', 'measure_actor', 'measure_megatrend', 'measure_sdg', 'measure_result',
                             'measure_link', 'actor', 'megatrend', 'sdg'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION reallabor_changed()', t || '_reallabor_version', t);
    END LOOP;
END;
$$;
