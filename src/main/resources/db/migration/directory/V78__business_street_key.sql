-- The duplicate hint for staff compares addresses by a key that ignores how a street is written:
-- "Hochstr. 79", "Hochstraße 79", "Hoch-Strasse 79 a" all become "hochstr79".
CREATE FUNCTION portal_street_key(street TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN regexp_replace(
               regexp_replace(
                   regexp_replace(
                       regexp_replace(portal_fold(street), 'str(asse|\.)?(?=[^a-z]|$)', 'str', 'g'),
                       'pl(atz|\.)(?=[^a-z]|$)', 'pl', 'g'),
                   '([0-9]+)\s*[a-z](?=[^a-z]|$)', '\1', 'g'),
               '[^a-z0-9]', '', 'g');

ALTER TABLE business ADD COLUMN street_key TEXT GENERATED ALWAYS AS (portal_street_key(street)) STORED;
DROP INDEX business_duplicate_idx;
CREATE INDEX business_duplicate_idx ON business (postal_code, street_key);
