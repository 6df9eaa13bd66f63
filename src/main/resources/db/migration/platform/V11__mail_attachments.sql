-- One optional attachment per mail (e.g. an event as an .ics file), sent with the mail.
ALTER TABLE outbox_mail ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE outbox_mail ADD COLUMN attachment_type VARCHAR(100);
ALTER TABLE outbox_mail ADD COLUMN attachment      BYTEA;
ALTER TABLE outbox_mail ADD CONSTRAINT outbox_mail_attachment_check
    CHECK ((attachment IS NULL) = (attachment_name IS NULL) AND (attachment IS NULL) = (attachment_type IS NULL));
