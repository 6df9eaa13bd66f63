-- Orientation for refugees on /fachkraefte/orientierung/{language}: one text per language, edited by staff.
-- language is the page's address; lang is the BCP 47 tag of the text (Einfache Sprache is German).
CREATE TABLE skilled_guide (
    language    VARCHAR(10)  PRIMARY KEY CHECK (language IN ('de', 'einfach', 'en', 'ar', 'uk')),
    lang        VARCHAR(5)   NOT NULL,
    rtl         BOOLEAN      NOT NULL DEFAULT FALSE,
    title       VARCHAR(160) NOT NULL,
    body        VARCHAR(6000) NOT NULL,
    contacts_heading VARCHAR(160) NOT NULL,
    offers_link VARCHAR(160) NOT NULL,
    position    INT          NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO skilled_guide (language, lang, rtl, title, body, contacts_heading, offers_link, position) VALUES
('de', 'de', FALSE, 'Arbeit und Ausbildung in Bottrop',
 'Sie sind nach Deutschland geflüchtet und möchten in Bottrop arbeiten oder eine Ausbildung machen? Fragen Sie zuerst beim Ausländeramt, ob und was Sie arbeiten dürfen. Die Erlaubnis steht in Ihren Papieren oder wird beim Ausländeramt beantragt.

Bei der Suche nach Arbeit und Ausbildung helfen die Agentur für Arbeit und das Jobcenter. Das Referat Migration der Stadt berät Sie und bringt Sie zur richtigen Stelle. Haben Sie einen Berufsabschluss aus Ihrem Herkunftsland, kann er anerkannt werden – im Handwerk über die Handwerkskammer.

Bottroper Betriebe, die auch Geflüchtete ausbilden und beschäftigen, finden Sie in der Liste der Angebote.', 'Wer hilft in Bottrop?', 'Angebote von Betrieben ansehen', 10),
('einfach', 'de', FALSE, 'Arbeit und Ausbildung in Bottrop – in Einfacher Sprache',
 'Sie möchten in Bottrop arbeiten. Oder Sie möchten eine Ausbildung machen.

Fragen Sie zuerst beim Ausländeramt: Darf ich arbeiten? Darf ich eine Ausbildung machen?

Sie suchen Arbeit? Dann helfen die Agentur für Arbeit und das Jobcenter.

Sie wissen nicht, wohin Sie gehen sollen? Dann hilft das Referat Migration der Stadt Bottrop.

Sie haben in Ihrem Land einen Beruf gelernt? Dann kann Ihr Abschluss vielleicht anerkannt werden. Fragen Sie die Handwerkskammer.

Hier unten finden Sie Angebote von Betrieben in Bottrop.', 'Wer hilft?', 'Angebote von Betrieben', 20),
('en', 'en', FALSE, 'Work and training in Bottrop',
 'You came to Germany as a refugee and would like to work or start vocational training in Bottrop? First ask the foreigners'' office (Ausländeramt) whether and what you may work. The permission is written in your papers or is applied for at the foreigners'' office.

The employment agency (Agentur für Arbeit) and the job centre help you find work and training. The city''s migration unit (Referat Migration) advises you and takes you to the right office. If you have a vocational qualification from your country of origin, it can be recognised – in the crafts through the chamber of crafts (Handwerkskammer).

Businesses in Bottrop that also train and employ refugees are in the list of offers.', 'Who helps in Bottrop?', 'See the offers of businesses', 30),
('ar', 'ar', TRUE, 'العمل والتدريب المهني في بوتروب',
 'هل لجأت إلى ألمانيا وتريد العمل أو بدء تدريب مهني في بوتروب؟ اسأل أولاً مكتب الأجانب (Ausländeramt) هل يُسمح لك بالعمل وما نوع العمل المسموح به. يكون الإذن مكتوباً في أوراقك أو يُطلب من مكتب الأجانب.

تساعدك وكالة العمل (Agentur für Arbeit) ومركز العمل (Jobcenter) في البحث عن عمل أو تدريب مهني. ويقدّم لك قسم الهجرة في المدينة (Referat Migration) المشورة ويوجّهك إلى الجهة المختصة. إذا كانت لديك شهادة مهنية من بلدك، فيمكن الاعتراف بها – وفي الحِرف عن طريق غرفة الحِرف (Handwerkskammer).

تجد في قائمة العروض الشركات في بوتروب التي تدرّب اللاجئين وتوظّفهم أيضاً.', 'من يساعد في بوتروب؟', 'عروض الشركات', 40),
('uk', 'uk', FALSE, 'Робота і професійне навчання в Ботропі',
 'Ви приїхали до Німеччини як біженець і хочете працювати або розпочати професійне навчання в Ботропі? Спершу запитайте у відомстві у справах іноземців (Ausländeramt), чи можна вам працювати і яку роботу. Дозвіл зазначено у ваших документах, або його оформлюють у відомстві у справах іноземців.

Агентство з працевлаштування (Agentur für Arbeit) та джобцентр (Jobcenter) допомагають знайти роботу й місце навчання. Відділ міграції міста (Referat Migration) консультує вас і скерує до потрібної установи. Якщо у вас є професійна освіта з вашої країни, її можуть визнати – у ремеслах через ремісничу палату (Handwerkskammer).

Підприємства Ботропа, які також навчають і наймають біженців, ви знайдете у списку пропозицій.', 'Хто допомагає в Ботропі?', 'Пропозиції підприємств', 50);
