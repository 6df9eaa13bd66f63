-- The support point (Lotsenstelle) of the skilled-workers network reads employers' inquiries;
-- a role of its own, so not every EDITOR sees this personal data.
ALTER TABLE account_role DROP CONSTRAINT account_role_role_check;
ALTER TABLE account_role ADD CONSTRAINT account_role_role_check
    CHECK (role IN ('BUSINESS', 'EDITOR', 'ADMIN', 'SUPPORT_POINT'));
