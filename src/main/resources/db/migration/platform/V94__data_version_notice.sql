-- Every instance keeps the data version in memory (DataVersion) instead of reading this row per page:
-- the commit that advances it also tells every listening connection the new number. A NOTIFY is
-- delivered only when its transaction commits, and only once per transaction, like the bump itself.
CREATE OR REPLACE FUNCTION portal_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE advanced BIGINT;
BEGIN
    IF current_setting('portal.data_changed', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
        PERFORM set_config('portal.data_changed', pg_current_xact_id()::text, true);
        UPDATE data_version SET version = version + 1 RETURNING version INTO advanced;
        PERFORM pg_notify('data_version', advanced::text);
    END IF;
    RETURN NULL;
END $$;
