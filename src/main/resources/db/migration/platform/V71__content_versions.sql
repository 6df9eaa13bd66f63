-- Earlier states of what staff edit (platform.versions.ContentVersions), for every feature: one row per
-- save, holding the state before it, so any earlier state can be restored in one click.
CREATE TABLE content_version (
    kind        VARCHAR(40)  NOT NULL,
    entity_id   VARCHAR(80)  NOT NULL,
    number      INTEGER      NOT NULL,
    content     JSONB        NOT NULL,
    changed_by  VARCHAR(320) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kind, entity_id, number)
);
