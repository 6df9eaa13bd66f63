package de.stadtportal.account.domain;

/** What an account may do: BUSINESS keeps its own listings, EDITOR curates content, ADMIN also manages staff. */
public enum Role {
    BUSINESS, EDITOR, ADMIN;

    public boolean isStaff() {
        return this != BUSINESS;
    }
}
