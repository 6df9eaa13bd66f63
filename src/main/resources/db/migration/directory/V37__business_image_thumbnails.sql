-- A small copy of a listing's logo or first photo for the directory's results, made on first request
-- and kept next to the image (an image never changes, so neither does its thumbnail).
ALTER TABLE business_image ADD COLUMN thumbnail BYTEA;

-- The results now show images: a new, changed or removed image is a new directory version (V25), so
-- no cached results page points at a deleted image. Filling in a thumbnail changes nothing visible.
CREATE TRIGGER business_image_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF alt_text ON business_image
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
