-- Demo data of the embedded default installation: a FICTIONAL Fairtrade-Town network, marked as
-- examples (column example, "(Beispiel)" in names and titles). Loaded only on the embedded database
-- (see EmbeddedDatabaseConfiguration); never on an external PostgreSQL.
-- Repeatable and idempotent: existing terms, years, members and entries are left alone.
-- The board shows criteria 1, 2, 4 and 5 met this year and criterion 3 (shops) not yet.

-- The first award is Bottrop's real one (26 November 2021); the renewals' days are examples.
INSERT INTO fairtrade_term (awarded_on, valid_until, renewal, note, example) VALUES
    ('2021-11-26', '2023-11-26', FALSE, 'Erste Auszeichnung; Steuerungsgruppe mit 17 Personen', TRUE),
    ('2023-11-20', '2025-11-20', TRUE, 'Erneuerung (Beispiel)', TRUE),
    ('2025-11-14', '2027-11-14', TRUE, 'Erneuerung (Beispiel)', TRUE)
ON CONFLICT (awarded_on) DO NOTHING;

INSERT INTO fairtrade_target (year, shops, gastronomy, press, council_resolution, example)
VALUES (EXTRACT(YEAR FROM current_date)::int - 1, 12, 6, 4, TRUE, TRUE),
       (EXTRACT(YEAR FROM current_date)::int, 12, 6, 4, TRUE, TRUE)
ON CONFLICT (year) DO NOTHING;

INSERT INTO fairtrade_member (name, kind, website, description, listed, example) VALUES
    ('Gesamtschule Am Fuhlenbrock (Beispiel)', 'SCHOOL', 'https://schule.example', 'Schülerfirma mit fairem Pausenkiosk.', TRUE, TRUE),
    ('Grundschule Boy (Beispiel)', 'SCHOOL', NULL, 'Faire Frühstückswoche jedes Frühjahr.', TRUE, TRUE),
    ('Kita Regenbogen (Beispiel)', 'KITA', NULL, 'Fairer Kakao beim Elterncafé.', TRUE, TRUE),
    ('Sportverein Eintracht Batenbrock (Beispiel)', 'CLUB', 'https://sportverein.example', 'Faire Bälle und Trikots.', TRUE, TRUE),
    ('Heimatverein Kirchhellen (Beispiel)', 'CLUB', NULL, NULL, TRUE, TRUE),
    ('Kirchengemeinde St. Cyriakus (Beispiel)', 'FAITH', NULL, 'Eine-Welt-Kreis mit Verkauf nach dem Gottesdienst.', TRUE, TRUE),
    ('Evangelische Gemeinde Bottrop-Mitte (Beispiel)', 'FAITH', NULL, NULL, TRUE, TRUE),
    ('Ruhrpott Logistik GmbH (Beispiel)', 'COMPANY', 'https://logistik.example', 'Fairer Kaffee in der Kantine.', TRUE, TRUE),
    ('Stadtbibliothek Bottrop (Beispiel)', 'PUBLIC_INSTITUTION', NULL, 'Medienkiste Fairer Handel zum Ausleihen.', TRUE, TRUE),
    ('Ratsfraktionen im Fairtrade-Dialog (Beispiel)', 'POLITICS', NULL, NULL, TRUE, TRUE),
    ('Weltladen-Förderkreis (Beispiel)', 'RETAIL', NULL, 'Ehrenamtliche des Weltladens.', TRUE, TRUE),
    ('Café-Netzwerk Innenstadt (Beispiel)', 'GASTRONOMY', NULL, NULL, TRUE, TRUE)
ON CONFLICT (name) DO NOTHING;

-- a year of actions, within the current calendar year
INSERT INTO fairtrade_action (member_id, title, held_on, example)
SELECT m.id, a.title, (date_trunc('year', current_date) + a.day * interval '1 day')::date, TRUE
FROM (VALUES
    ('Gesamtschule Am Fuhlenbrock (Beispiel)', 'Faire Woche: Pausenkiosk nur mit fairen Produkten (Beispiel)', 40),
    ('Grundschule Boy (Beispiel)', 'Faires Frühstück für alle Klassen (Beispiel)', 95),
    ('Kita Regenbogen (Beispiel)', 'Kakao-Projekt: Woher kommt die Schokolade? (Beispiel)', 130),
    ('Sportverein Eintracht Batenbrock (Beispiel)', 'Fair-Play-Turnier mit fairen Bällen (Beispiel)', 160),
    ('Heimatverein Kirchhellen (Beispiel)', 'Faire Kaffeetafel am Heimattag (Beispiel)', 250),
    ('Kirchengemeinde St. Cyriakus (Beispiel)', 'Fairer Adventsbasar (Beispiel)', 330),
    ('Evangelische Gemeinde Bottrop-Mitte (Beispiel)', 'Erntedank mit fairen Produkten (Beispiel)', 275),
    ('Ruhrpott Logistik GmbH (Beispiel)', 'Umstellung der Kantine auf fairen Kaffee (Beispiel)', 60),
    ('Stadtbibliothek Bottrop (Beispiel)', 'Lesung „Die Reise der Kakaobohne“ (Beispiel)', 200)
) AS a (member, title, day)
JOIN fairtrade_member m ON m.name = a.member
WHERE NOT EXISTS (SELECT 1 FROM fairtrade_action x WHERE x.member_id = m.id AND x.title = a.title);

INSERT INTO fairtrade_steering (organisation, role, sector, person_name, consent, example)
SELECT s.organisation, s.role, s.sector, s.person, s.consent, TRUE
FROM (VALUES
    ('Amt für Wirtschaftsförderung und Standortmanagement', 'Koordination', 'POLITICS', NULL, FALSE),
    ('Rat der Stadt Bottrop', 'Vertretung der Fraktionen', 'POLITICS', NULL, FALSE),
    ('Weltladen am Pferdemarkt (Beispiel)', 'Einzelhandel', 'BUSINESS', 'Erika Beispiel', TRUE),
    ('Einzelhandelsverband (Beispiel)', 'Handel und Gastronomie', 'BUSINESS', NULL, FALSE),
    ('Kirchengemeinde St. Cyriakus (Beispiel)', 'Eine-Welt-Kreis', 'CIVIL_SOCIETY', NULL, FALSE),
    ('Gesamtschule Am Fuhlenbrock (Beispiel)', 'Schulen', 'CIVIL_SOCIETY', 'Max Mustermann', TRUE)
) AS s (organisation, role, sector, person, consent)
WHERE NOT EXISTS (SELECT 1 FROM fairtrade_steering x WHERE x.organisation = s.organisation AND x.role = s.role);

INSERT INTO fairtrade_press (title, outlet, published_on, url, example)
SELECT p.title, p.outlet, (date_trunc('year', current_date) + p.day * interval '1 day')::date, p.url, TRUE
FROM (VALUES
    ('Bottroper Schulen frühstücken fair (Beispiel)', 'Lokalzeitung (Beispiel)', 96, NULL),
    ('Fair-Play-Turnier in Batenbrock (Beispiel)', 'Stadtspiegel (Beispiel)', 162, 'https://zeitung.example/fair-play'),
    ('Kantine stellt auf fairen Kaffee um (Beispiel)', 'Lokalradio (Beispiel)', 62, NULL),
    ('Fairtrade-Town: Netzwerk wächst weiter (Beispiel)', 'Lokalzeitung (Beispiel)', 210, 'https://zeitung.example/netzwerk'),
    ('Fairer Adventsbasar an St. Cyriakus (Beispiel)', 'Stadtspiegel (Beispiel)', 331, NULL)
) AS p (title, outlet, day, url)
WHERE NOT EXISTS (SELECT 1 FROM fairtrade_press x WHERE x.title = p.title);

-- the demo directory's Fairtrade businesses: what they sell, confirmed by staff (three shops, one café)
INSERT INTO fairtrade_business (business_id, products, sale_kinds, confirmed_at, confirmed_by)
SELECT b.id, o.products::varchar(20)[], o.kinds::varchar(20)[], now(), 'Beispiel'
FROM (VALUES
    ('weltladen-am-pferdemarkt', '{COFFEE,TEA,CHOCOLATE,BANANAS,CLOTHING,SUGAR}', '{SHOP}'),
    ('blumen-wiesmann', '{FLOWERS,CHOCOLATE}', '{FLORIST}'),
    ('teeladen-teezeit', '{TEA,SUGAR,SPICES}', '{SHOP,CAFE}'),
    ('caf-tetraeder', '{COFFEE,CHOCOLATE,JUICE}', '{CAFE}')
) AS o (slug, products, kinds)
JOIN business b ON b.slug = o.slug
ON CONFLICT (business_id) DO NOTHING;
