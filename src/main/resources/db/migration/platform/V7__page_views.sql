-- Page views per day and path. Nothing that identifies a person: no IP, no user agent, no cookie.
CREATE TABLE page_view (
    day    DATE         NOT NULL,
    path   VARCHAR(300) NOT NULL,
    views  BIGINT       NOT NULL CHECK (views >= 0),
    PRIMARY KEY (day, path)
);
