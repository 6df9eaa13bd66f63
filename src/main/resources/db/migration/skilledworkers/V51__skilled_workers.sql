-- Fachkräftesicherung: contact points, orientation texts for employers and the support point's inquiries.

-- Offices that help employers and refugees. verified = FALSE: the values are examples the city still checks.
CREATE TABLE skilled_contact_point (
    id          BIGSERIAL PRIMARY KEY,
    slug        VARCHAR(60)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        VARCHAR(160) NOT NULL,
    helps_with  VARCHAR(2000) NOT NULL,
    address     VARCHAR(300),
    hours       VARCHAR(300),
    phone       VARCHAR(60),
    email       VARCHAR(320),
    website     VARCHAR(500),
    position    INT          NOT NULL DEFAULT 0,
    verified    BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Orientation for employers ("Orientierung, keine Rechtsberatung"), one text per topic.
CREATE TABLE skilled_topic (
    id            BIGSERIAL PRIMARY KEY,
    slug          VARCHAR(60)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title         VARCHAR(160) NOT NULL,
    body          VARCHAR(6000) NOT NULL,
    office        VARCHAR(300) NOT NULL,
    source_label  VARCHAR(200) NOT NULL,
    source_url    VARCHAR(500) NOT NULL CHECK (source_url ~ '^https://'),
    position      INT          NOT NULL DEFAULT 0,
    version       BIGINT       NOT NULL DEFAULT 0,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- An employer's question to the support point. Personal data: only SUPPORT_POINT and ADMIN read it,
-- closed inquiries are deleted after the configured period (InquiryRetention). No refugee's name.
CREATE TABLE skilled_inquiry (
    id              BIGSERIAL PRIMARY KEY,
    company         VARCHAR(160) NOT NULL,
    contact_name    VARCHAR(120) NOT NULL,
    email           VARCHAR(320) NOT NULL,
    phone           VARCHAR(40),
    plan            VARCHAR(20)  NOT NULL CHECK (plan IN ('APPRENTICESHIP', 'JOB', 'INTERNSHIP')),
    residence       VARCHAR(30)  NOT NULL CHECK (residence IN ('ASYLUM_PENDING', 'TOLERATED', 'RESIDENCE_PERMIT',
                                                               'TEMPORARY_PROTECTION', 'OTHER', 'UNKNOWN')),
    question        VARCHAR(4000) NOT NULL,
    consent_text    VARCHAR(2000) NOT NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'NEW'
                    CHECK (status IN ('NEW', 'IN_PROGRESS', 'FORWARDED', 'ANSWERED', 'CLOSED')),
    forwarded_to    BIGINT REFERENCES skilled_contact_point (id) ON DELETE SET NULL,
    notes           VARCHAR(4000),
    answer          VARCHAR(6000),
    answered_at     TIMESTAMPTZ,
    token_hash      CHAR(64)     NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    closed_at       TIMESTAMPTZ,
    example         BOOLEAN      NOT NULL DEFAULT FALSE,
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    CHECK (status <> 'FORWARDED' OR forwarded_to IS NOT NULL)
);
CREATE INDEX skilled_inquiry_status_idx ON skilled_inquiry (status, created_at);
CREATE INDEX skilled_inquiry_closed_idx ON skilled_inquiry (closed_at) WHERE closed_at IS NOT NULL;

INSERT INTO skilled_contact_point (slug, name, helps_with, address, hours, phone, email, website, position) VALUES
('referat-migration', 'Stadt Bottrop – Referat Migration',
 'Erste Anlaufstelle für Geflüchtete und Betriebe: Beratung zu Integrationsangeboten, Sprachkursen und Begleitung; vermittelt an die zuständigen Stellen.',
 'Ernst-Wilczok-Platz 1, 46236 Bottrop', 'nach Vereinbarung', '02041 70-3', NULL, 'https://www.bottrop.de', 10),
('auslaenderamt', 'Stadt Bottrop – Ausländeramt',
 'Erteilt die Erlaubnis zur Beschäftigung oder Ausbildung, die Ausbildungs- und Beschäftigungsduldung und Aufenthaltserlaubnisse; holt die Zustimmung der Bundesagentur für Arbeit ein.',
 'Ernst-Wilczok-Platz 1, 46236 Bottrop', 'nach Terminvereinbarung', '02041 70-3', NULL, 'https://www.bottrop.de', 20),
('kim', 'Kommunales Integrationsmanagement (KIM) Bottrop',
 'Koordiniert die Ämter und begleitet im Case-Management Menschen mit komplexen Anliegen über Behördengrenzen hinweg; setzt die Idee einer zentralen Begleitung im Ausländeramt fort.',
 'Ernst-Wilczok-Platz 1, 46236 Bottrop', 'nach Vereinbarung', '02041 70-3', NULL, 'https://www.bottrop.de', 30),
('agentur-fuer-arbeit', 'Agentur für Arbeit Gelsenkirchen – Arbeitgeber-Service für Bottrop',
 'Prüft die Zustimmung zur Beschäftigung, berät Betriebe zu Einstellung, Ausbildung und Förderung, vermittelt Bewerberinnen und Bewerber.',
 NULL, 'Mo–Fr 8–18 Uhr (Telefon)', '0800 4 5555 20', NULL, 'https://www.arbeitsagentur.de/unternehmen', 40),
('jobcenter', 'Jobcenter Arbeit für Bottrop',
 'Unterstützt anerkannte Geflüchtete mit Bürgergeld bei Arbeit und Ausbildung, fördert Einstiege (z. B. Eingliederungszuschuss) und berät Betriebe.',
 NULL, 'nach Vereinbarung', NULL, NULL, NULL, 50),
('handwerkskammer-muenster', 'Handwerkskammer Münster',
 'Zuständig für Bottrop: Ausbildungsberatung, Eintragung von Ausbildungsverträgen im Handwerk, Anerkennung ausländischer Berufsabschlüsse im Handwerk.',
 'Bismarckallee 1, 48151 Münster', 'Mo–Do 8–16 Uhr, Fr 8–13 Uhr', '0251 5203-0', NULL, 'https://www.hwk-muenster.de', 60);

INSERT INTO skilled_topic (slug, title, body, office, source_label, source_url, position) VALUES
('ausbildungsduldung', 'Ausbildungsduldung und „3+2“',
 'Geduldete Menschen können für eine qualifizierte Berufsausbildung von mindestens zwei Jahren eine Ausbildungsduldung erhalten (§ 60c AufenthG). Sie gilt für die Dauer der Ausbildung.

„3+2“: Wer die Ausbildung abschließt und im erlernten Beruf arbeitet, kann danach eine Aufenthaltserlaubnis für zwei Jahre bekommen (§ 19d AufenthG). Daneben gibt es die Aufenthaltserlaubnis zur Berufsausbildung (§ 16g AufenthG).

Für eine Berufsausbildung muss die Bundesagentur für Arbeit nicht zustimmen. Stellen Sie den Antrag früh: der Ausbildungsvertrag sollte vorliegen.',
 'Ausländeramt der Stadt Bottrop', '§ 60c AufenthG (Gesetze im Internet)', 'https://www.gesetze-im-internet.de/aufenthg_2004/__60c.html', 10),
('beschaeftigungsduldung', 'Beschäftigungsduldung',
 'Geduldete Menschen, die schon länger sozialversicherungspflichtig arbeiten und ihren Lebensunterhalt sichern, können eine Beschäftigungsduldung für 30 Monate erhalten (§ 60d AufenthG). Danach kann eine Aufenthaltserlaubnis folgen (§ 25b Abs. 6 AufenthG).

Die Voraussetzungen sind eng (unter anderem geklärte Identität, Deutschkenntnisse, Beschäftigungszeiten). Das Ausländeramt prüft den Einzelfall.',
 'Ausländeramt der Stadt Bottrop', '§ 60d AufenthG (Gesetze im Internet)', 'https://www.gesetze-im-internet.de/aufenthg_2004/__60d.html', 20),
('zustimmung-arbeitsagentur', 'Wann die Agentur für Arbeit zustimmen muss',
 'Die Erlaubnis zur Beschäftigung erteilt das Ausländeramt. Für eine Beschäftigung muss in der Regel die Bundesagentur für Arbeit zustimmen; sie prüft vor allem die Arbeitsbedingungen.

Keine Zustimmung ist nötig für eine Berufsausbildung und nach vier Jahren erlaubten, geduldeten oder gestatteten Aufenthalts (§ 32 Beschäftigungsverordnung). Das Ausländeramt holt die Zustimmung ein; Betriebe füllen dazu die „Erklärung zum Beschäftigungsverhältnis“ aus.',
 'Ausländeramt der Stadt Bottrop und Agentur für Arbeit', '§ 32 Beschäftigungsverordnung (Gesetze im Internet)', 'https://www.gesetze-im-internet.de/beschv_2013/__32.html', 30),
('anerkennung', 'Anerkennung ausländischer Berufsabschlüsse',
 'Wer einen Berufsabschluss aus dem Ausland mitbringt, kann prüfen lassen, ob er einem deutschen Abschluss gleichwertig ist. Der Anerkennungs-Finder nennt die zuständige Stelle; für Handwerksberufe ist es die Handwerkskammer.

Beratung zur Anerkennung bietet das Förderprogramm „Integration durch Qualifizierung (IQ)“.',
 'Handwerkskammer Münster (Handwerk), sonst laut Anerkennungs-Finder', 'Anerkennung in Deutschland (Anerkennungs-Finder)', 'https://www.anerkennung-in-deutschland.de', 40);
