-- Demo data of the embedded default installation: two FICTIONAL inquiries to the support point
-- (Lotsenstelle) in different states, marked as examples (column example, "(Beispiel)" in the company).
-- Loaded only on the embedded database (see EmbeddedDatabaseConfiguration); never on an external PostgreSQL.
-- Nobody knows their status links: the stored hash is of a random value.
-- Repeatable and idempotent: an example inquiry of the same company is left alone.

INSERT INTO skilled_inquiry (company, contact_name, email, phone, plan, residence, question, consent_text, status,
                             forwarded_to, notes, token_hash, created_at, updated_at, example)
SELECT v.company, v.contact_name, v.email, v.phone, v.plan, v.residence, v.question,
       'Beispiel: Einwilligung wie auf dem Formular (fiktive Anfrage).', v.status,
       (SELECT id FROM skilled_contact_point WHERE slug = v.office), v.notes,
       encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), now() - v.age, now() - v.age / 2, TRUE
FROM (VALUES
    ('Malerbetrieb Farbenfroh (Beispiel)', 'Max Beispiel', 'max@malerbetrieb.example', NULL, 'APPRENTICESHIP', 'TOLERATED',
     'Wir möchten ab August einen jungen Mann aus Guinea zum Maler und Lackierer ausbilden. Er hat eine Duldung. Was müssen wir tun, damit er die Ausbildung machen und danach bei uns bleiben darf? (Beispielanfrage, fiktiv)',
     'NEW', NULL, NULL, INTERVAL '2 days'),
    ('Sanitär Muster GmbH (Beispiel)', 'Erika Muster', 'erika@sanitaer.example', '02041 000000', 'JOB', 'UNKNOWN',
     'Eine Bewerberin aus Syrien hat in Damaskus als Installateurin gearbeitet. Wir wissen nicht, welchen Aufenthaltsstatus sie hat. Können wir sie einstellen, und wie lassen wir ihren Abschluss anerkennen? (Beispielanfrage, fiktiv)',
     'FORWARDED', 'auslaenderamt', 'Beispiel: Ausländeramt um Rückruf gebeten; Anerkennung über die Handwerkskammer.', INTERVAL '9 days')
) AS v(company, contact_name, email, phone, plan, residence, question, status, office, notes, age)
WHERE NOT EXISTS (SELECT 1 FROM skilled_inquiry i WHERE i.company = v.company);
