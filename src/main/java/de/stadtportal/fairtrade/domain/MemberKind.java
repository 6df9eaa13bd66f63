package de.stadtportal.fairtrade.domain;

/** Kinds of organisations in the network; the database checks the same names. */
public enum MemberKind {
    RETAIL, GASTRONOMY, SCHOOL, KITA, CLUB, FAITH, COMPANY, PUBLIC_INSTITUTION, POLITICS, OTHER;

    /** The message key of its German or English name. */
    public String label() {
        return "fairtrade.kind." + name();
    }
}
