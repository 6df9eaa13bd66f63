-- A date of a series can be moved instead of cancelled: the rule's date drops out (EXDATE) and
-- the event takes place at moved_to instead (RDATE), with the same duration. NULL: cancelled.
ALTER TABLE event_exception ADD COLUMN moved_to TIMESTAMP;
