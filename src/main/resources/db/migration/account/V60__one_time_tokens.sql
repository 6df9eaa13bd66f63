-- Second factor for staff (issue 15): one-time codes mailed to the account's address, for Spring
-- Security's JdbcOneTimeTokenService (its schema, with room for a whole e-mail address). A code
-- works once and for ten minutes; every portal instance sees the same codes.
CREATE TABLE one_time_tokens (
    token_value  VARCHAR(36)  NOT NULL PRIMARY KEY,
    username     VARCHAR(320) NOT NULL,
    expires_at   TIMESTAMP    NOT NULL
);
CREATE INDEX one_time_tokens_expires_idx ON one_time_tokens (expires_at);
