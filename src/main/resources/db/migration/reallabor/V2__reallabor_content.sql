-- Content of the three Reallabore, from the city's report "Bottrop setzt um – Reallabore",
-- with the report's line-break artefacts mended.

INSERT INTO sdg (number, title_de, title_en) VALUES
    (1, 'Keine Armut', 'No Poverty'),
    (2, 'Kein Hunger', 'Zero Hunger'),
    (3, 'Gesundheit und Wohlergehen', 'Good Health and Well-being'),
    (4, 'Hochwertige Bildung', 'Quality Education'),
    (5, 'Geschlechtergleichheit', 'Gender Equality'),
    (6, 'Sauberes Wasser und Sanitäreinrichtungen', 'Clean Water and Sanitation'),
    (7, 'Bezahlbare und saubere Energie', 'Affordable and Clean Energy'),
    (8, 'Menschenwürdige Arbeit und Wirtschaftswachstum', 'Decent Work and Economic Growth'),
    (9, 'Industrie, Innovation und Infrastruktur', 'Industry, Innovation and Infrastructure'),
    (10, 'Weniger Ungleichheiten', 'Reduced Inequalities'),
    (11, 'Nachhaltige Städte und Gemeinden', 'Sustainable Cities and Communities'),
    (12, 'Nachhaltige/r Konsum und Produktion', 'Responsible Consumption and Production'),
    (13, 'Maßnahmen zum Klimaschutz', 'Climate Action'),
    (14, 'Leben unter Wasser', 'Life below Water'),
    (15, 'Leben an Land', 'Life on Land'),
    (16, 'Frieden, Gerechtigkeit und starke Institutionen', 'Peace, Justice and Strong Institutions'),
    (17, 'Partnerschaften zur Erreichung der Ziele', 'Partnerships for the Goals');

INSERT INTO megatrend (name) VALUES
    ('Faires Handeln'), ('Digitalisierung'), ('Demografischer Wandel'), ('Migration');

INSERT INTO reallabor (slug, title, position, summary, background, outlook) VALUES
('hybride-formen-des-handels', 'Hybride Formen des Handels', 1,
 'Digitale Präsenz für kleine und mittlere Unternehmen mit der Onlineplattform HalloBot, freies WLAN in der Innenstadt und das Netzwerk Fairtrade-Town Bottrop.',
 'Das Reallabor »Hybride Formen des Handels« wurde schon in der ersten Projektphase mit Fokus auf den Einzelhandel eingeführt. In der zweiten Projektphase wurden im Reallabor zwei Hauptziele formuliert: Zum einen sollte die Bottroper Wirtschaft, die durch kleine und mittelständische Unternehmen geprägt ist, weiterhin zum Thema Digitalisierung unterstützt werden. Dieser Bedarf hat sich im Zuge der Covid-19-Pandemie erhöht.

Mit dem Eintreten der Kontaktbeschränkungen und des Lockdowns wurde schnell klar, dass es vielen Unternehmen, sowohl aus dem Einzelhandel als auch der Gastronomie und anderen Dienstleistungsbereichen, an einer digitalen Präsenz und Online-Angeboten mangelt. Um die Resilienz der Wirtschaft zu erhöhen, hat das Amt für Wirtschaftsförderung und Standortmanagement mehrere Maßnahmen koordiniert und umgesetzt.

Darüber hinaus hat sich das Amt mit dem Projekt »Bottrop 2018+« das Ziel gesetzt, den Wirtschaftsstandort nachhaltiger zu gestalten. Vor diesem Hintergrund wurde im Rahmen des Reallabors das Thema »Fairtrade« aufgegriffen und parallel als ein weiteres Reallabor verfolgt.',
 'Das Thema Digitalisierung wird Bottrop und die Wirtschaft weiterhin begleiten. Die Betreuung und Aktualisierung der aufgebauten Plattform wird fortgeführt, sodass sie als ein erster »digitaler« Stopp für die Bottroper Bürger:innen und Unternehmen dienen kann.

Die erworbene Auszeichnung »Fairtrade-Town« hat zunächst eine Validität von zwei Jahren. Nach Ablauf dieser Zeit wird eine neue Prüfung stattfinden. Aus diesem Grund wird angestrebt, über die Projektlaufzeit hinaus das Netzwerk und das Engagement aufrechtzuerhalten und zu erweitern.'),
('digitale-koproduktion-im-handwerk', 'Digitale Koproduktion im Handwerk', 2,
 'Eine Kooperation von Handwerkskammer, Kreishandwerkerschaft, Agentur für Arbeit, Jobcenter und Stadt bringt die Digitalisierung in die Bottroper Handwerksbetriebe und stärkt das Image des Handwerks.',
 'Schon in der ersten Projektphase fiel der thematische Fokus des Reallabors »Digitale Koproduktion im Handwerk« auf den Megatrend Digitalisierung. Insbesondere die Zusammenarbeit mit der Hochschule Ruhr West (HRW) bzw. deren FabLab ist hier zu nennen. Der Transfer der theoretischen Digitalisierungsstrategie und -möglichkeiten in die Praxis des Bottroper Handwerks blieb jedoch aus.

Zudem steht das Handwerk im Allgemeinen und so auch in Bottrop vor der Herausforderung des Nachwuchs- und Fachkräftemangels. Die Konzentration der handwerklichen Betriebe auf das tägliche Kerngeschäft erschwert eine verbesserte Fachkräftesicherung sowie die Auseinandersetzung mit Digitalisierungsmethoden. An diesen Punkten setzt das Reallabor in der zweiten Projektphase an.

Zwei übergeordnete Zielsetzungen wurden dabei verfolgt: Imageförderung des Wirtschaftszweigs Handwerk sowie Digitalisierungs- und Innovationsförderung der handwerklichen Betriebe innerhalb des Bottroper Stadtgebiets. Unmittelbar damit verbunden wurde eine Kampagne angestoßen, die auf eine Attraktivitätssteigerung des Handwerks, eine Sensibilisierung der allgemeinen Öffentlichkeit und auf die Förderung der Sichtbarkeit des Berufszweigs als wettbewerbsfähiger, zukunftsfähiger und sicherer Arbeitgeber abzielte.',
 'Die effektiven Maßnahmen im Reallabor konnten erst in der zweiten Hälfte 2021 umgesetzt werden. Die Themen Digitalisierung und Fachkräftesicherung werden das Handwerk in Bottrop allerdings langfristig begleiten. Vor diesem Hintergrund war es zentral, eine Kooperation zwischen den wichtigsten Akteuren am Standort zu initiieren, die neben den angestoßenen Aktivitäten zukünftig weitere Themenschwerpunkte setzen und bespielen können. Dazu zählt unter anderem die Weiterführung des Handwerker-Frühstücks als Netzwerk- und Informationsformat.

Zudem liegt das Bestreben darin, die Kooperation innerhalb der Branche als relevanten Partner zu etablieren, indem sie Informationen sowie Beratungs- und Förderangebote an die Handwerksbetriebe heranträgt.'),
('fachkraeftesicherung', 'Fachkräftesicherung', 3,
 'Wie können Geflüchtete als Fachkräfte den Fachkräftemangel mildern? Das Reallabor fragt Bottroper Handwerksbetriebe nach ihren Erfahrungen und vernetzt Unternehmen, Referat Migration und Ausländeramt.',
 'In verschiedenen Branchen und Gewerken wird in den nächsten Jahren ein Fachkräftemangel erwartet. Seitens der Unternehmen wird dieser bereits seit geraumer Zeit befürchtet und teilweise als Grund für den Rückgang unternehmerischer Expansionsmöglichkeiten angeführt. Außerdem wird davor gewarnt, dass bestehende Wertschöpfungsketten beeinträchtigt und Dienstleistungen zukünftig nicht mehr in gewohntem Maße angeboten werden könnten, wenn der Zugang zu Fachkräften nicht länger gewährleistet werden kann. Zudem ist ein voranschreitender demografischer Wandel zu beobachten mit der Folge, dass die momentane Belegschaft sukzessive in den Ruhestand wechselt. Aus diesen Gründen widmet sich das Reallabor »Fachkräftesicherung« der Frage, in welchem Ausmaß und unter welchen Bedingungen eine Einstellung von Geflüchteten als Fachkräfte eine Chance zur Abmilderung dieses Fachkräftemangels sein kann.

Übergeordnetes Ziel des Reallabors ist es, die Möglichkeiten zur Integration Geflüchteter in den Arbeits- und Ausbildungsmarkt zu überprüfen und hierbei den Fokus auf die Erfahrungen und Wünsche der Bottroper Unternehmen sowie der potenziellen Fachkräfte zu legen. Die Unternehmenssicht bildet den Ausgangspunkt für die Erhebung dieser Integrationsmöglichkeiten.

Das Reallabor konzentriert sich dabei auf Handwerksbetriebe. Die Wahl der Branche hat sich aus einer erhöhten Anstellungsquote von Geflüchteten sowie einer höheren Teilnahmebereitschaft der Betriebe ergeben. Die Erkenntnisse sollen dennoch auf alle Gewerke anwendbar sein.',
 'Über die Projektlaufzeit hinaus soll am NRW-Landesprogramm »Kommunales Integrationsmanagement« (KIM) angeknüpft und die Maßnahme weitergeführt werden.');

INSERT INTO measure (reallabor_id, position, title, coordination)
SELECT r.id, m.position, m.title, m.coordination
FROM (VALUES
    ('hybride-formen-des-handels', 1, 'Fairtrade-Town – Auszeichnung und Netzwerk', 'Amt für Wirtschaftsförderung'),
    ('hybride-formen-des-handels', 2, 'HalloBot – Onlineplattform und Digitalisierungsangebot', 'Amt für Wirtschaftsförderung'),
    ('digitale-koproduktion-im-handwerk', 1, 'Kooperation zur Erhöhung des Digitalisierungsstands der Bottroper Handwerksunternehmen',
     'Amt für Wirtschaftsförderung (die Koordination kann später wechseln)'),
    ('fachkraeftesicherung', 1, 'Unterstützung der Integration von Geflüchteten in Bottroper Unternehmen',
     'Amt für Wirtschaftsförderung (die Koordination kann später wechseln)')
) AS m (slug, position, title, coordination)
JOIN reallabor r ON r.slug = m.slug;

-- Lists of each measure, addressed by (Reallabor slug, measure position).
CREATE TEMPORARY VIEW measure_key AS
SELECT m.id, r.slug, m.position FROM measure m JOIN reallabor r ON r.id = m.reallabor_id;

INSERT INTO measure_activity (measure_id, position, text)
SELECT k.id, a.position, a.text
FROM (VALUES
    ('hybride-formen-des-handels', 1, 1, 'Auszeichnung »Fairtrade-Town«: Kriterien erfüllen, Akteure vernetzen und zum Thema Fairtrade engagieren'),
    ('hybride-formen-des-handels', 1, 2, 'Netzwerk »Fairtrade Bottrop«'),
    ('hybride-formen-des-handels', 2, 1, 'WLAN (Wifi) in der Innenstadt'),
    ('hybride-formen-des-handels', 2, 2, 'Veranstaltungsreihe »Digitalisierungsausbau in Unternehmen«'),
    ('hybride-formen-des-handels', 2, 3, 'Onlineplattform HalloBot'),
    ('digitale-koproduktion-im-handwerk', 1, 1, 'Formale Kooperation zwischen den beteiligten Akteuren'),
    ('digitale-koproduktion-im-handwerk', 1, 2, 'Initiative »Digitalisierung als Imageträger des Bottroper Handwerks«'),
    ('digitale-koproduktion-im-handwerk', 1, 3, 'Regelmäßige Veranstaltungsreihe »Handwerker-Frühstück«'),
    ('digitale-koproduktion-im-handwerk', 1, 4, 'Virtueller Digitalisierungssprechtag für das Bottroper Handwerk mit der Möglichkeit der betriebsspezifischen Beratung mit Fachexpert:innen der Handwerkskammer zu individuellen Themen'),
    ('digitale-koproduktion-im-handwerk', 1, 5, 'Erstellen einer medienwirksamen Imagekampagne, die das Bottroper Handwerk mit den Themen Digitalisierung und Innovation in der Öffentlichkeit präsentiert'),
    ('fachkraeftesicherung', 1, 1, 'Verständnis über die Einstellung Geflüchteter verschaffen'),
    ('fachkraeftesicherung', 1, 2, 'Handlungsbedarfe ermitteln durch eine qualitative Befragung von (Handwerks-)Unternehmen (Interviews)'),
    ('fachkraeftesicherung', 1, 3, 'Initiierung eines Netzwerks des Referats Migration, der Unternehmen und weiterer Akteure')
) AS a (slug, measure, position, text)
JOIN measure_key k ON k.slug = a.slug AND k.position = a.measure;

INSERT INTO measure_funding (measure_id, position, text)
SELECT k.id, f.position, f.text
FROM (VALUES
    ('hybride-formen-des-handels', 1, 1, 'Bottrop2018+'),
    ('hybride-formen-des-handels', 2, 1, 'Bottrop2018+'),
    ('hybride-formen-des-handels', 2, 2, 'Förderprogramm »Wifi4EU«'),
    ('digitale-koproduktion-im-handwerk', 1, 1, 'Überwiegend Bottrop2018+, später geteilte Ressourcen'),
    ('fachkraeftesicherung', 1, 1, 'Bottrop2018+ (projektfinanziert)')
) AS f (slug, measure, position, text)
JOIN measure_key k ON k.slug = f.slug AND k.position = f.measure;

INSERT INTO measure_target_group (measure_id, position, text)
SELECT k.id, t.position, t.text
FROM (VALUES
    ('hybride-formen-des-handels', 1, 1, 'Gesamte Stadtgesellschaft'),
    ('hybride-formen-des-handels', 2, 1, 'Bürger:innen'),
    ('hybride-formen-des-handels', 2, 2, 'Unternehmen'),
    ('hybride-formen-des-handels', 2, 3, 'Gesamtstadt'),
    ('digitale-koproduktion-im-handwerk', 1, 1, 'Bottroper Handwerksbetriebe'),
    ('fachkraeftesicherung', 1, 1, '(Handwerks-)Unternehmen')
) AS t (slug, measure, position, text)
JOIN measure_key k ON k.slug = t.slug AND k.position = t.measure;

INSERT INTO measure_added_value (measure_id, position, text)
SELECT k.id, v.position, v.text
FROM (VALUES
    ('hybride-formen-des-handels', 1, 1, 'Engagement'),
    ('hybride-formen-des-handels', 1, 2, 'Sichtbarkeit'),
    ('hybride-formen-des-handels', 1, 3, 'Gegenseitige Unterstützung zum Thema »Fairtrade« durch Vernetzung'),
    ('hybride-formen-des-handels', 2, 1, 'Mehr Kundschaft in der Innenstadt'),
    ('hybride-formen-des-handels', 2, 2, 'Information zum Digitalisierungsausbau; starke Unternehmen'),
    ('hybride-formen-des-handels', 2, 3, 'Kostenlose und niederschwellige digitale Präsenz für Unternehmen; Stadtangebot auf einen Blick'),
    ('digitale-koproduktion-im-handwerk', 1, 1, 'Das Bottroper Handwerk wird als kompetenter Arbeitgeber in der Öffentlichkeit dargestellt und als zukunftsfähiger Wirtschaftstreiber wahrgenommen'),
    ('digitale-koproduktion-im-handwerk', 1, 2, 'Sicherung von Nachwuchs'),
    ('fachkraeftesicherung', 1, 1, 'Direkten Einfluss auf kommunales Verwaltungshandeln ausüben'),
    ('fachkraeftesicherung', 1, 2, 'Unterstützungsangebote mitgestalten')
) AS v (slug, measure, position, text)
JOIN measure_key k ON k.slug = v.slug AND k.position = v.measure;

INSERT INTO actor (name) VALUES
    ('Einzelhändler'), ('Politik (Stadtrat)'), ('Gastronomie'), ('Glaubensgemeinschaften'), ('Schulen'),
    ('Vereine'), ('Kitas'), ('6 Unternehmen in der Innenstadt (Räumlichkeiten für WLAN-Spots)'),
    ('Digitalisierungsexperten'), ('Unternehmen aus Handel, Gastronomie und Gewerbe'),
    ('Handwerkskammer Münster'), ('Kreishandwerkerschaft Emscher-Lippe-West'), ('Agentur für Arbeit Gelsenkirchen'),
    ('Jobcenter Arbeit für Bottrop'), ('Handwerksunternehmen'), ('Sozialamt bzw. Referat Migration'),
    ('Ausländeramt'), ('Unternehmen'), ('Geflüchtete');

INSERT INTO measure_actor (measure_id, actor_id)
SELECT k.id, a.id
FROM (VALUES
    ('hybride-formen-des-handels', 1, 'Einzelhändler'),
    ('hybride-formen-des-handels', 1, 'Politik (Stadtrat)'),
    ('hybride-formen-des-handels', 1, 'Gastronomie'),
    ('hybride-formen-des-handels', 1, 'Glaubensgemeinschaften'),
    ('hybride-formen-des-handels', 1, 'Schulen'),
    ('hybride-formen-des-handels', 1, 'Vereine'),
    ('hybride-formen-des-handels', 1, 'Kitas'),
    ('hybride-formen-des-handels', 2, '6 Unternehmen in der Innenstadt (Räumlichkeiten für WLAN-Spots)'),
    ('hybride-formen-des-handels', 2, 'Digitalisierungsexperten'),
    ('hybride-formen-des-handels', 2, 'Unternehmen aus Handel, Gastronomie und Gewerbe'),
    ('digitale-koproduktion-im-handwerk', 1, 'Handwerkskammer Münster'),
    ('digitale-koproduktion-im-handwerk', 1, 'Kreishandwerkerschaft Emscher-Lippe-West'),
    ('digitale-koproduktion-im-handwerk', 1, 'Agentur für Arbeit Gelsenkirchen'),
    ('digitale-koproduktion-im-handwerk', 1, 'Jobcenter Arbeit für Bottrop'),
    ('digitale-koproduktion-im-handwerk', 1, 'Handwerksunternehmen'),
    ('fachkraeftesicherung', 1, 'Sozialamt bzw. Referat Migration'),
    ('fachkraeftesicherung', 1, 'Ausländeramt'),
    ('fachkraeftesicherung', 1, 'Unternehmen'),
    ('fachkraeftesicherung', 1, 'Geflüchtete')
) AS x (slug, measure, actor)
JOIN measure_key k ON k.slug = x.slug AND k.position = x.measure
JOIN actor a ON a.name = x.actor;

INSERT INTO measure_megatrend (measure_id, megatrend_id)
SELECT k.id, t.id
FROM (VALUES
    ('hybride-formen-des-handels', 1, 'Faires Handeln'),
    ('hybride-formen-des-handels', 2, 'Digitalisierung'),
    ('digitale-koproduktion-im-handwerk', 1, 'Digitalisierung'),
    ('fachkraeftesicherung', 1, 'Demografischer Wandel'),
    ('fachkraeftesicherung', 1, 'Migration')
) AS x (slug, measure, megatrend)
JOIN measure_key k ON k.slug = x.slug AND k.position = x.measure
JOIN megatrend t ON t.name = x.megatrend;

INSERT INTO measure_sdg (measure_id, sdg_number)
SELECT k.id, x.sdg
FROM (VALUES
    ('hybride-formen-des-handels', 1, 11),
    ('hybride-formen-des-handels', 1, 12),
    ('digitale-koproduktion-im-handwerk', 1, 8),
    ('fachkraeftesicherung', 1, 8),
    ('fachkraeftesicherung', 1, 10)
) AS x (slug, measure, sdg)
JOIN measure_key k ON k.slug = x.slug AND k.position = x.measure;

INSERT INTO measure_result (measure_id, position, dated, date_label, text)
SELECT k.id, x.position, x.dated, x.date_label, x.text
FROM (VALUES
    ('hybride-formen-des-handels', 1, 1, '2021-11-26', '26. November 2021',
     'Auszeichnung »Fairtrade-Town« erworben; Kriterien übererfüllt (z. B. 17 Akteure in der Steuerungsgruppe statt 3)'),
    ('hybride-formen-des-handels', 1, 2, NULL, NULL, 'Einbindung in die regionalen und nationalen Fairtrade-Netzwerke'),
    ('hybride-formen-des-handels', 1, 3, NULL, NULL, 'Interesse in Großunternehmen geweckt'),
    ('hybride-formen-des-handels', 1, 4, NULL, NULL, 'Inspiration zum Engagement in Schulen'),
    ('hybride-formen-des-handels', 1, 5, NULL, NULL, 'Start des Netzwerks »Fairtrade Bottrop«'),
    ('hybride-formen-des-handels', 2, 1, NULL, NULL, 'Freies WLAN in der Innenstadt'),
    ('hybride-formen-des-handels', 2, 2, NULL, NULL,
     'Drei Unternehmen konnten nach der Veranstaltungsreihe eine Förderung für Digitalisierungsmaßnahmen erlangen; erhöhtes Interesse an weiteren Angeboten (Digital Coaching)'),
    ('hybride-formen-des-handels', 2, 3, NULL, NULL,
     'Großes Interesse an der Plattform, jedoch wenige Einträge aus Eigeninitiative der Unternehmen; aktive Rolle der Wirtschaftsförderung'),
    ('hybride-formen-des-handels', 2, 4, NULL, NULL,
     'Meistbesuchte Seiten: Fairtrade-Town, Wochenmarkt, Bottrop-Gutschein'),
    ('digitale-koproduktion-im-handwerk', 1, 1, '2021-08', 'August 2021', 'Beschluss der offiziellen Kooperation'),
    ('digitale-koproduktion-im-handwerk', 1, 2, '2021-09', 'September 2021', 'Auftaktveranstaltung'),
    ('digitale-koproduktion-im-handwerk', 1, 3, '2021-11', 'November 2021', 'Start des Handwerker-Frühstücks und des Digitalisierungssprechtags'),
    ('digitale-koproduktion-im-handwerk', 1, 4, '2022', 'Anfang 2022', 'Start der Imagekampagne'),
    ('fachkraeftesicherung', 1, 1, NULL, NULL, 'Interviews mit fünf Unternehmen mit Erfahrung in der Anstellung von Geflüchteten'),
    ('fachkraeftesicherung', 1, 2, NULL, NULL,
     'Handlungsbedarfe in der Kommunikation zwischen den unterschiedlichen Behörden, Geflüchteten und Unternehmen ermittelt'),
    ('fachkraeftesicherung', 1, 3, NULL, NULL,
     'Interesse an einer Anerkennung des Beschäftigungsstatus geflüchteter Auszubildender und an einer möglichst langfristigen Beschäftigung'),
    ('fachkraeftesicherung', 1, 4, NULL, NULL,
     'Zusammenschluss relevanter Akteure – Wirtschaftsförderung, Referat Migration und Ausländeramt – und Formulierung möglicher Handlungsoptionen über die Projektlaufzeit hinaus (z. B. Einrichtung einer zentralen Begleitmöglichkeit im Ausländeramt)'),
    ('fachkraeftesicherung', 1, 5, NULL, NULL, 'Unternehmensveranstaltung zur Präsentation der Ergebnisse und Folgemaßnahmen')
) AS x (slug, measure, position, dated, date_label, text)
JOIN measure_key k ON k.slug = x.slug AND k.position = x.measure;

DROP VIEW measure_key;
