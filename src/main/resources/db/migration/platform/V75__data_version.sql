-- One number that says "public data changed", for the ETags of anonymous pages (HttpCacheFilter).
-- A row, not a sequence: the new number becomes visible with the commit that changed the data, so a
-- reader that reads the number first never sees data older than the number it sends as ETag.
-- A deferred trigger bumps it once per writing transaction, at its commit: the row is locked for a
-- moment at the very end, never while the transaction still waits for other locks.
CREATE TABLE data_version (
    id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version BIGINT  NOT NULL
);
INSERT INTO data_version (id, version) VALUES (TRUE, 1);

CREATE FUNCTION portal_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('portal.data_changed', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
        PERFORM set_config('portal.data_changed', pg_current_xact_id()::text, true);
        UPDATE data_version SET version = version + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION portal_track_data_version(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE CONSTRAINT TRIGGER portal_data_version AFTER INSERT OR UPDATE OR DELETE ON %s '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_data_changed()', target);
END $$;

-- The triggers themselves are attached by afterMigrate__data_version.sql (a Flyway callback, after
-- every migration run): every table, also those of later migrations, unless it is named there.
