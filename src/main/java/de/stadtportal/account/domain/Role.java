package de.stadtportal.account.domain;

/**
 * What an account may do: BUSINESS keeps its own listings, EDITOR curates content, ADMIN also manages staff,
 * SUPPORT_POINT (Lotsenstelle) reads and answers employers' inquiries about skilled workers, and nothing else.
 */
public enum Role {
    BUSINESS, EDITOR, ADMIN, SUPPORT_POINT;

    public boolean isStaff() {
        return this != BUSINESS;
    }
}
