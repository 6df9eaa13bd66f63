-- Who may edit a listing. An owner's account can be deleted; the listing then stays with the city.
CREATE TABLE business_owner (
    business_id  BIGINT NOT NULL REFERENCES business (id) ON DELETE CASCADE,
    account_id   BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    PRIMARY KEY (business_id, account_id)
);
CREATE INDEX business_owner_account_idx ON business_owner (account_id);

-- Why staff rejected a listing; shown to its owner.
ALTER TABLE business ADD COLUMN rejection_reason VARCHAR(500);
