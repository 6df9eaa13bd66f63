package de.stadtportal.news.domain;

/** Someone else saved the news item since the form was opened. */
public class StaleNewsException extends RuntimeException {

    public StaleNewsException() {
        super("news item changed meanwhile");
    }
}
