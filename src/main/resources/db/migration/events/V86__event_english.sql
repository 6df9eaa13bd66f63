-- English title and description of an event, written by staff (/admin/veranstaltungen); empty: English
-- pages show the German text, marked lang="de". The event categories get their English names here
-- (they are fixed; staff choose among them).
ALTER TABLE event ADD COLUMN title_en VARCHAR(200);
ALTER TABLE event ADD COLUMN description_en TEXT;
ALTER TABLE event_category ADD COLUMN name_en VARCHAR(120);
UPDATE event_category SET name_en = v.en FROM (VALUES ('handwerk', 'Crafts'), ('digitalisierung', 'Digitalisation'),
    ('fairtrade', 'Fairtrade'), ('fachkraefte', 'Skilled workers'), ('wochenmarkt', 'Weekly market')) AS v (slug, en)
WHERE event_category.slug = v.slug;
