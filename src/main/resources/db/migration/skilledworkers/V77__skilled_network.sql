-- The network "Fachkräftesicherung": businesses that want to train or employ refugees join from /konto for a
-- published listing they own and consent to being shown by name on /fachkraefte. Leaving deletes the row,
-- so no consent outlives its purpose; staff may remove a member.
CREATE TABLE skilled_network_member (
    business_slug    VARCHAR(120) PRIMARY KEY,
    business_name    VARCHAR(200) NOT NULL,
    owner_account_id BIGINT,
    consent_text     VARCHAR(500) NOT NULL,
    joined_at        TIMESTAMPTZ  NOT NULL,
    example          BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX skilled_network_member_owner_idx ON skilled_network_member (owner_account_id);
