package de.stadtportal.fairtrade.domain;

/** Someone else saved the same record since the form was opened (optimistic locking). */
public class StaleException extends RuntimeException {

    public StaleException() {
        super("changed meanwhile", null, false, false);
    }
}
