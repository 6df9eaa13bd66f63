package de.stadtportal.reallabor.domain;

/** Someone else saved the same record since the form was opened; the form must be shown again (409). */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException() {
        super("stale version", null, false, false);
    }
}
