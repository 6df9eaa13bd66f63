-- Faster directory search (see DirectoryApi.search and README "Benchmarks").

-- The name alone as full text: "does the name match?" is answered by its own small GIN index,
-- without rechecking weights in the heap, so a search can take its candidates from the names first.
ALTER TABLE business ADD COLUMN name_vector TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('german'::regconfig, portal_fold(name))) STORED;
CREATE INDEX business_name_vector_idx ON business USING GIN (name_vector);

-- Version of everything a search result shows. Any write to these tables draws a new number, so a
-- cached search result (DirectorySearchCache) is never reused after a change, whichever code or
-- server wrote it. A sequence takes no row lock: writers never wait for each other.
CREATE SEQUENCE directory_version;

CREATE FUNCTION directory_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('directory_version');
    RETURN NULL;
END;
$$;

CREATE TRIGGER business_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER opening_hours_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opening_hours
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER opening_exception_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opening_exception
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER category_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON category
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER district_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON district
    FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
