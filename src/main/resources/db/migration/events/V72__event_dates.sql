-- The dates of a series, stored when it is saved (EventDates), so a list of coming dates is one
-- indexed query instead of expanding every series' RRULE on every request.
-- A series' stored dates cover [dates_from, dates_until) (local time, like starts_at); outside that
-- window, or while dates_until is NULL, readers expand the rule as before. Any change of what the
-- dates depend on (start, end, rule, exceptions) sets dates_until to NULL, whoever wrote it; the
-- portal stores the dates again right after its own saves, at start and every night (backfill).

CREATE TABLE event_date (
    event_id   BIGINT    NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    starts_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (event_id, starts_at)
);
CREATE INDEX event_date_starts_at ON event_date (starts_at, event_id);

ALTER TABLE event ADD COLUMN dates_from TIMESTAMP;
ALTER TABLE event ADD COLUMN dates_until TIMESTAMP;

CREATE FUNCTION event_dates_outdated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
       OR NEW.rrule IS DISTINCT FROM OLD.rrule THEN
        IF NEW.dates_until IS NOT DISTINCT FROM OLD.dates_until THEN
            NEW.dates_until := NULL;
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER event_dates_outdated BEFORE UPDATE ON event
    FOR EACH ROW EXECUTE FUNCTION event_dates_outdated();

CREATE FUNCTION event_exception_outdates() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event SET dates_until = NULL
    WHERE dates_until IS NOT NULL
      AND id IN (SELECT event_id FROM changed_exceptions);
    RETURN NULL;
END;
$$;
CREATE TRIGGER event_exception_inserted AFTER INSERT ON event_exception
    REFERENCING NEW TABLE AS changed_exceptions FOR EACH STATEMENT EXECUTE FUNCTION event_exception_outdates();
CREATE TRIGGER event_exception_updated AFTER UPDATE ON event_exception
    REFERENCING NEW TABLE AS changed_exceptions FOR EACH STATEMENT EXECUTE FUNCTION event_exception_outdates();
CREATE TRIGGER event_exception_deleted AFTER DELETE ON event_exception
    REFERENCING OLD TABLE AS changed_exceptions FOR EACH STATEMENT EXECUTE FUNCTION event_exception_outdates();

-- Version of everything the events' pages and the next dates elsewhere show (like directory_version,
-- V25): any write to these tables draws a new number; read models kept in memory are keyed by it.
CREATE SEQUENCE events_data_version;

CREATE FUNCTION events_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('events_data_version');
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['event', 'event_category', 'event_exception', 'event_occurrence', 'event_date'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION events_changed()', t || '_events_version', t);
    END LOOP;
END;
$$;
