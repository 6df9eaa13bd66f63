-- Staff's topic texts get optimistic locking: the editor carries the version it was loaded at.
-- A reset keeps the row with empty texts (and a new version), so a form opened before it is stale
-- instead of finding "no row, version 0" again and saving over the reset unnoticed.
ALTER TABLE topic_text ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE topic_text ALTER COLUMN body_de DROP NOT NULL;
ALTER TABLE topic_text ALTER COLUMN body_en DROP NOT NULL;
