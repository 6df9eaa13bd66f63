package de.stadtportal.events.domain;

/** Whether an event takes place; the CHECK on event.status names the same values. */
public enum EventStatus { PUBLISHED, CANCELLED }
