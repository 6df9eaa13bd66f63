package de.stadtportal.skilledworkers.domain;

/** Common European Framework levels of German an offer asks for. */
public enum GermanLevel {
    A1, A2, B1, B2, C1, C2
}
