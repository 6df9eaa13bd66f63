-- Demo data of the embedded default installation: FICTIONAL offers for refugees and members of the network
-- Fachkräftesicherung, marked as examples (column example, "(Beispiel)" in the title).
-- Loaded only on the embedded database (see EmbeddedDatabaseConfiguration); never on an external PostgreSQL.
-- Repeatable and idempotent: an example of the same title or business is left alone.

INSERT INTO skilled_offer (business_slug, business_name, title, kind, trade, german_level, starts_on, contact,
                           description, status, expires_on, example)
SELECT v.slug, v.name, v.title, v.kind, v.trade, v.level, current_date + v.starts, v.contact, v.description,
       v.status, CASE WHEN v.status = 'PUBLISHED' THEN current_date + 60 END, TRUE
FROM (VALUES
    ('malerbetrieb-farbenfroh', 'Malerbetrieb Farbenfroh', 'Ausbildung Maler und Lackierer (Beispiel)', 'APPRENTICESHIP',
     'Maler und Lackierer', 'A2', 240, 'Ausbildungsleitung, Telefon 02041 000001 (fiktiv)',
     'Wir bilden ab August aus und begleiten beim Antrag auf Ausbildungsduldung. Sprachkurs parallel zur Berufsschule möglich. (Beispielangebot, fiktiv)',
     'PUBLISHED'),
    ('sanitaer-koesters', 'Sanitär Kösters', 'Anlagenmechaniker/in SHK in Vollzeit (Beispiel)', 'JOB',
     'Sanitär-, Heizungs- und Klimatechnik', 'B1', 30, 'bewerbung@sanitaer.example (fiktiv)',
     'Berufserfahrung aus dem Heimatland zählt; wir helfen bei der Anerkennung über die Handwerkskammer. (Beispielangebot, fiktiv)',
     'PUBLISHED'),
    ('tischlerei-wessels', 'Tischlerei Wessels', 'Praktikum in der Tischlerei, 4 Wochen (Beispiel)', 'INTERNSHIP',
     'Tischler', 'A1', 14, 'Telefon 02041 000002 (fiktiv)',
     'Ein Praktikum zum Kennenlernen des Berufs, auch als Einstieg in eine Ausbildung. (Beispielangebot, fiktiv)',
     'PENDING')
) AS v(slug, name, title, kind, trade, level, starts, contact, description, status)
WHERE NOT EXISTS (SELECT 1 FROM skilled_offer o WHERE o.title = v.title);

INSERT INTO skilled_network_member (business_slug, business_name, consent_text, joined_at, example)
SELECT v.slug, v.name, 'Beispiel: Einwilligung wie auf dem Formular (fiktiv).', now() - INTERVAL '30 days', TRUE
FROM (VALUES ('malerbetrieb-farbenfroh', 'Malerbetrieb Farbenfroh'),
             ('sanitaer-koesters', 'Sanitär Kösters')) AS v(slug, name)
WHERE NOT EXISTS (SELECT 1 FROM skilled_network_member m WHERE m.business_slug = v.slug);
