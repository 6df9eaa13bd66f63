-- English names of the categories (Branchen) and districts (Stadtteile), written by staff at
-- /admin/unternehmen/verzeichnisse. Empty: English pages show the German name, marked lang="de".
-- District names are mostly proper names and stay German unless staff write one.
ALTER TABLE category ADD COLUMN name_en VARCHAR(120);
ALTER TABLE district ADD COLUMN name_en VARCHAR(120);

-- The built-in categories in English (only where staff have not renamed them); "Stadtmitte" is the one
-- district with a common English name, the others are place names.
UPDATE category SET name_en = v.en FROM (VALUES ('einzelhandel', 'Einzelhandel', 'Retail'),
    ('gastronomie', 'Gastronomie', 'Restaurants and cafés'), ('handwerk', 'Handwerk', 'Crafts and trades'),
    ('dienstleistung', 'Dienstleistung', 'Services'), ('gesundheit', 'Gesundheit', 'Health'),
    ('lebensmittel', 'Lebensmittel', 'Food')) AS v (slug, de, en)
WHERE category.slug = v.slug AND category.name = v.de;
UPDATE district SET name_en = 'City centre' WHERE slug = 'stadtmitte' AND name = 'Stadtmitte';
