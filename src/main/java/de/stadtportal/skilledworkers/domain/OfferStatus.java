package de.stadtportal.skilledworkers.domain;

/** PENDING waits for staff; PUBLISHED is listed until it expires; an owner's change sends it back to PENDING. */
public enum OfferStatus {
    PENDING, PUBLISHED, REJECTED, EXPIRED
}
