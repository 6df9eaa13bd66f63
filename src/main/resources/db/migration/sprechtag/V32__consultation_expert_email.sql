-- Experts of the Sprechtag have no accounts; staff may note an e-mail address to send them their bookings.
ALTER TABLE consultation_expert ADD COLUMN email VARCHAR(320) CHECK (email ~ '^[^@\s]+@[^@\s]+$');
