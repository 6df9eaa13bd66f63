package de.stadtportal.directory.domain;

/** Where a listing stands; column {@code business.status} (CHECK constraint of V10). */
public enum ListingStatus {
    /** Not used by the portal's flows today; allowed by the schema. */
    DRAFT,
    /** Waits for staff (after registration or after the owner saved requested changes). */
    PENDING,
    /** Staff sent it back to its owner with what to change. */
    CHANGES_REQUESTED,
    /** Visible on the portal. */
    PUBLISHED,
    REJECTED,
    /** Taken off the portal by staff, kept for its owners. */
    ARCHIVED
}
