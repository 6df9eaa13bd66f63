-- Demo data of the embedded default installation: FICTIONAL portraits for "Gesichter des Handwerks",
-- marked as examples (column example, "(Beispiel)" in each name). Loaded only on the embedded database
-- (see EmbeddedDatabaseConfiguration); never on an external PostgreSQL.
-- Repeatable and idempotent: existing portraits (same name and Gewerk) are left alone.

INSERT INTO craft_portrait (name, trade, text, directory_slug, position, published, example) VALUES
('Tischlerei Wessels (Beispiel)', 'Tischlerhandwerk',
 'Möbel nach Maß entstehen bei uns zuerst am Bildschirm: Kundinnen und Kunden sehen ihren Schrank in 3D, bevor das erste Brett zugeschnitten wird.

Die CNC-Fräse übernimmt die Serienarbeit, unsere Auszubildenden lernen beides – den Hobel und die Software. (Beispielporträt, fiktiv)',
 'tischlerei-wessels', 10, TRUE, TRUE),
('Meisterin Lena Beispiel (Beispiel)', 'Elektrotechnik',
 'Photovoltaik, Wallbox, Smart Home: Lena Beispiel plant Anlagen mit einer App, die Aufmaß, Angebot und Dokumentation verbindet.

Ihr Rat an junge Leute: Im Handwerk arbeitet man an der Energiewende mit den eigenen Händen. (Beispielporträt, fiktiv)',
 NULL, 20, TRUE, TRUE),
('Bäckermeister Tom Muster (Beispiel)', 'Bäckerhandwerk',
 'Sauerteig braucht Zeit – die Bestellung nicht mehr: Stammkundschaft bestellt abends online und holt morgens ab.

So bleibt weniger Brot übrig, und im Laden ist mehr Zeit für ein Gespräch. (Beispielporträt, fiktiv)',
 NULL, 30, TRUE, TRUE),
('Dachdeckerei Musterdach (Beispiel)', 'Dachdeckerhandwerk',
 'Drohnenaufnahmen ersetzen bei uns oft den ersten Gang aufs Dach: sicherer für das Team und schneller für die Kundschaft.

Die Bilder landen direkt im digitalen Auftrag, den alle im Betrieb auf dem Tablet sehen. (Beispielporträt, fiktiv)',
 NULL, 40, TRUE, TRUE)
ON CONFLICT (name, trade) DO NOTHING;
