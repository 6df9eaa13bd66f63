-- Flyway runs this after every migration run (a callback, not a migration): every table gets the
-- trigger that advances data_version (V75), also the tables of migrations written later, except what
-- changes without changing a public page: sessions, counters, the outbox, logs, kept versions, the
-- search's bookkeeping and the accounts. HttpCacheTest keeps the same list.
DO $$
DECLARE t record;
BEGIN
    FOR t IN SELECT c.oid::regclass AS name FROM pg_class c
             WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
               AND c.relname NOT IN ('flyway_schema_history', 'spring_session', 'spring_session_attributes', 'page_view',
                                     'outbox_mail', 'audit_entry', 'content_version', 'search_source', 'account',
                                     'account_role', 'account_token', 'data_version')
               AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'portal_data_version')
    LOOP
        PERFORM portal_track_data_version(t.name);
    END LOOP;
END $$;
