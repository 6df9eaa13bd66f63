-- Fairtrade-Town: the title's terms, yearly targets, the network (members, their actions, steering
-- group, press) and join requests. Shops and gastronomy come from the directory's Fairtrade
-- attribute; this module keeps only what the directory does not know (products, staff confirmation),
-- keyed by the business id without a foreign key (the directory owns its table).

-- One term of the title: awarded (or renewed) on a day, valid two years.
CREATE TABLE fairtrade_term (
    id          BIGSERIAL    PRIMARY KEY,
    awarded_on  DATE         NOT NULL UNIQUE,
    valid_until DATE         NOT NULL,
    renewal     BOOLEAN      NOT NULL DEFAULT FALSE,
    note        VARCHAR(300),
    reminded_at TIMESTAMPTZ,
    example     BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL DEFAULT 0,
    CHECK (valid_until > awarded_on)
);

-- What staff set per calendar year: shops, gastronomy and press articles needed, and whether the
-- council's resolution (fair coffee and one more fair product at its meetings) holds this year.
CREATE TABLE fairtrade_target (
    id                 BIGSERIAL PRIMARY KEY,
    year               INT       NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    shops              INT       NOT NULL CHECK (shops BETWEEN 0 AND 1000),
    gastronomy         INT       NOT NULL CHECK (gastronomy BETWEEN 0 AND 1000),
    press              INT       NOT NULL CHECK (press BETWEEN 0 AND 1000),
    council_resolution BOOLEAN   NOT NULL DEFAULT FALSE,
    example            BOOLEAN   NOT NULL DEFAULT FALSE,
    version            BIGINT    NOT NULL DEFAULT 0
);

CREATE TABLE fairtrade_member (
    id          BIGSERIAL    PRIMARY KEY,
    name        VARCHAR(160) NOT NULL UNIQUE,
    kind        VARCHAR(30)  NOT NULL CHECK (kind IN ('RETAIL', 'GASTRONOMY', 'SCHOOL', 'KITA', 'CLUB', 'FAITH',
                                                      'COMPANY', 'PUBLIC_INSTITUTION', 'POLITICS', 'OTHER')),
    website     VARCHAR(300),
    description VARCHAR(500),
    listed      BOOLEAN      NOT NULL DEFAULT TRUE,
    example     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE fairtrade_action (
    id        BIGSERIAL    PRIMARY KEY,
    member_id BIGINT       NOT NULL REFERENCES fairtrade_member (id) ON DELETE CASCADE,
    title     VARCHAR(200) NOT NULL,
    held_on   DATE         NOT NULL,
    example   BOOLEAN      NOT NULL DEFAULT FALSE,
    version   BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX fairtrade_action_held_on_idx ON fairtrade_action (held_on);
CREATE INDEX fairtrade_action_member_idx ON fairtrade_action (member_id);

-- A person's name is kept only with their consent to show it.
CREATE TABLE fairtrade_steering (
    id           BIGSERIAL    PRIMARY KEY,
    organisation VARCHAR(160) NOT NULL,
    role         VARCHAR(120) NOT NULL,
    sector       VARCHAR(20)  NOT NULL CHECK (sector IN ('CIVIL_SOCIETY', 'POLITICS', 'BUSINESS')),
    person_name  VARCHAR(120),
    consent      BOOLEAN      NOT NULL DEFAULT FALSE,
    example      BOOLEAN      NOT NULL DEFAULT FALSE,
    version      BIGINT       NOT NULL DEFAULT 0,
    CHECK (person_name IS NULL OR consent)
);

CREATE TABLE fairtrade_press (
    id           BIGSERIAL    PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    outlet       VARCHAR(120) NOT NULL,
    published_on DATE         NOT NULL,
    url          VARCHAR(500),
    example      BOOLEAN      NOT NULL DEFAULT FALSE,
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX fairtrade_press_published_on_idx ON fairtrade_press (published_on);

-- An organisation asks to join; the e-mail address is kept only until staff decided.
CREATE TABLE fairtrade_join_request (
    id           BIGSERIAL    PRIMARY KEY,
    organisation VARCHAR(160) NOT NULL,
    kind         VARCHAR(30)  NOT NULL CHECK (kind IN ('RETAIL', 'GASTRONOMY', 'SCHOOL', 'KITA', 'CLUB', 'FAITH',
                                                       'COMPANY', 'PUBLIC_INSTITUTION', 'POLITICS', 'OTHER')),
    email        VARCHAR(254),
    website      VARCHAR(300),
    message      VARCHAR(1000),
    status       VARCHAR(20)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    member_id    BIGINT       REFERENCES fairtrade_member (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decided_at   TIMESTAMPTZ,
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (status = 'PENDING' OR email IS NULL)
);

-- What a business with the directory's Fairtrade attribute sells fair, how, and whether staff
-- confirmed it (only then it counts for the title).
CREATE TABLE fairtrade_business (
    business_id  BIGINT       PRIMARY KEY,
    products     VARCHAR(20)[] NOT NULL DEFAULT '{}'
                 CHECK (products <@ ARRAY['COFFEE', 'TEA', 'CHOCOLATE', 'BANANAS', 'FLOWERS', 'CLOTHING', 'SUGAR',
                                          'JUICE', 'RICE', 'SPICES', 'WINE', 'COSMETICS']::VARCHAR(20)[]),
    sale_kinds   VARCHAR(20)[] NOT NULL DEFAULT '{}'
                 CHECK (sale_kinds <@ ARRAY['SHOP', 'CAFE', 'RESTAURANT', 'FLORIST']::VARCHAR(20)[]),
    confirmed_at TIMESTAMPTZ,
    confirmed_by VARCHAR(254),
    version      BIGINT       NOT NULL DEFAULT 0
);
