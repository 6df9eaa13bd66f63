package de.stadtportal.fairtrade.domain;

/** Where a steering-group member comes from (criterion 2 wants all three). */
public enum Sector {
    CIVIL_SOCIETY, POLITICS, BUSINESS;

    public String label() {
        return "fairtrade.sector." + name();
    }
}
