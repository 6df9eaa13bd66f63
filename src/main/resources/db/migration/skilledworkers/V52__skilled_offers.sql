-- Offers of Bottrop businesses open to refugees: apprenticeships, jobs, internships. A business posts for
-- a published listing it owns (business_slug, checked through DirectoryApi), staff moderate, offers expire.
CREATE TABLE skilled_offer (
    id                BIGSERIAL PRIMARY KEY,
    business_slug     VARCHAR(120) NOT NULL,
    business_name     VARCHAR(200) NOT NULL,
    owner_account_id  BIGINT,
    title             VARCHAR(160) NOT NULL,
    kind              VARCHAR(20)  NOT NULL CHECK (kind IN ('APPRENTICESHIP', 'JOB', 'INTERNSHIP')),
    trade             VARCHAR(120) NOT NULL,
    german_level      VARCHAR(2)   NOT NULL CHECK (german_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    starts_on         DATE         NOT NULL,
    contact           VARCHAR(300) NOT NULL,
    description       VARCHAR(4000) NOT NULL,
    status            VARCHAR(20)  NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'PUBLISHED', 'REJECTED', 'EXPIRED')),
    expires_on        DATE,
    reminder_sent_at  TIMESTAMPTZ,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    example           BOOLEAN      NOT NULL DEFAULT FALSE,
    version           BIGINT       NOT NULL DEFAULT 0,
    CHECK (status <> 'PUBLISHED' OR expires_on IS NOT NULL)
);
CREATE INDEX skilled_offer_public_idx ON skilled_offer (status, kind, german_level, starts_on);
CREATE INDEX skilled_offer_owner_idx ON skilled_offer (owner_account_id);
