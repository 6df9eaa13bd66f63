package de.stadtportal.events.domain;

/** A registration for one date; the CHECK on event_registration.status names the same values. */
public enum RegistrationStatus { CONFIRMED, WAITING, CANCELLED }
