-- Demo data of the embedded default installation: FICTIONAL events and Sprechtag slots, marked as
-- examples (column example, "Beispieltermin" in each description). Loaded only on the embedded
-- database (see EmbeddedDatabaseConfiguration); never on an external PostgreSQL.
-- Repeatable and idempotent: existing slugs, days, experts and slots are left alone.

INSERT INTO event (slug, title, category_id, description, starts_at, ends_at, rrule, place_name, street, postal_code, city,
                   online_url, organiser, capacity, example)
VALUES
('handwerker-fruehstueck', 'Handwerker-Frühstück', (SELECT id FROM event_category WHERE slug = 'handwerk'),
 'Netzwerk- und Informationsformat für Bottroper Handwerksbetriebe: jeden ersten Mittwoch im Monat ein kurzer Impuls zu Digitalisierung, Nachwuchs oder Förderung, danach Zeit für Gespräche. (Beispieltermin)',
 '2026-01-07 08:00', '2026-01-07 09:30', 'FREQ=MONTHLY;BYDAY=1WE', 'Rathaus Bottrop, Sitzungssaal', 'Ernst-Wilczok-Platz 1', '46236', 'Bottrop',
 NULL, 'Kooperation Handwerk Bottrop: Handwerkskammer Münster, Kreishandwerkerschaft Emscher-Lippe-West, Stadt Bottrop', 30, TRUE),
('wochenmarkt-innenstadt', 'Wochenmarkt in der Innenstadt', (SELECT id FROM event_category WHERE slug = 'wochenmarkt'),
 'Obst, Gemüse, Blumen, Käse und Backwaren von Händlerinnen und Händlern aus der Region. (Beispieltermin)',
 '2026-01-06 07:00', '2026-01-06 13:00', 'FREQ=WEEKLY;BYDAY=TU,FR', 'Pferdemarkt', NULL, '46236', 'Bottrop',
 NULL, 'Stadt Bottrop, Marktverwaltung', NULL, TRUE),
('fairer-adventsmarkt', 'Fairer Adventsmarkt', (SELECT id FROM event_category WHERE slug = 'fairtrade'),
 'Fair gehandelte Geschenke, Kaffee und Schokolade, dazu Informationen der Fairtrade-Steuerungsgruppe. (Beispieltermin)',
 '2026-12-12 10:00', '2026-12-12 16:00', NULL, 'Kirchplatz Cyriakus', NULL, '46236', 'Bottrop',
 NULL, 'Fairtrade-Steuerungsgruppe Bottrop', NULL, TRUE),
('fairtrade-steuerungsgruppe-januar', 'Offene Sitzung der Fairtrade-Steuerungsgruppe', (SELECT id FROM event_category WHERE slug = 'fairtrade'),
 'Wer sich für den fairen Handel in Bottrop engagieren möchte, ist willkommen. Die Sitzung findet als Videokonferenz statt. (Beispieltermin)',
 '2027-01-20 18:00', '2027-01-20 19:30', NULL, NULL, NULL, NULL, NULL,
 'https://video.example/fairtrade-bottrop', 'Fairtrade-Steuerungsgruppe Bottrop', 50, TRUE),
('workshop-e-rechnung', 'Workshop: E-Rechnung für kleine Betriebe', (SELECT id FROM event_category WHERE slug = 'digitalisierung'),
 'Was die Pflicht zur E-Rechnung für Handwerk und Handel bedeutet und wie kleine Betriebe sie einfach umsetzen. (Beispieltermin)',
 '2027-01-14 16:00', '2027-01-14 17:30', NULL, NULL, NULL, NULL, NULL,
 'https://video.example/e-rechnung', 'Wirtschaftsförderung Bottrop', 25, TRUE),
('infoabend-fachkraefte', 'Infoabend: Geflüchtete ausbilden und beschäftigen', (SELECT id FROM event_category WHERE slug = 'fachkraefte'),
 'Orientierung für Arbeitgeber: Ausbildungsduldung, Beschäftigung, Anerkennung – mit Ansprechpersonen aus Bottrop. (Beispieltermin)',
 '2027-02-10 17:00', '2027-02-10 19:00', NULL, 'Rathaus Bottrop, Sitzungssaal', 'Ernst-Wilczok-Platz 1', '46236', 'Bottrop',
 NULL, 'Netzwerk Fachkräftesicherung Bottrop', 40, TRUE)
ON CONFLICT (slug) DO NOTHING;

INSERT INTO event_exception (event_id, day)
SELECT id, DATE '2027-04-07' FROM event WHERE slug = 'handwerker-fruehstueck'
UNION ALL SELECT id, DATE '2026-12-25' FROM event WHERE slug = 'wochenmarkt-innenstadt'
UNION ALL SELECT id, DATE '2027-01-01' FROM event WHERE slug = 'wochenmarkt-innenstadt'
ON CONFLICT DO NOTHING;

INSERT INTO consultation_day (day, meeting_url, example) VALUES
    (DATE '2026-12-09', 'https://video.example/sprechtag-2026-12', TRUE),
    (DATE '2027-01-13', 'https://video.example/sprechtag-2027-01', TRUE)
ON CONFLICT (day) DO NOTHING;

INSERT INTO consultation_expert (name, organisation) VALUES
    ('Anna Beispiel (Beispiel)', 'Handwerkskammer Münster'),
    ('Jonas Muster (Beispiel)', 'Handwerkskammer Münster')
ON CONFLICT (name, organisation) DO NOTHING;

INSERT INTO consultation_slot (day_id, expert_id, starts_at)
SELECT d.id, x.id, d.day + TIME '09:00' + n * INTERVAL '30 minutes'
FROM consultation_day d
CROSS JOIN consultation_expert x
CROSS JOIN generate_series(0, 5) AS n
WHERE d.example AND x.name LIKE '%(Beispiel)'
ON CONFLICT (expert_id, starts_at) DO NOTHING;
