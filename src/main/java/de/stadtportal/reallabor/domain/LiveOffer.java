package de.stadtportal.reallabor.domain;

/** A live page of the portal a measure became; the Reallabor page links to it. */
public enum LiveOffer {
    UNTERNEHMEN("/unternehmen"),
    GUTSCHEIN("/gutschein"),
    WOCHENMARKT("/wochenmarkt"),
    WLAN("/wlan"),
    HANDWERK("/handwerk"),
    SPRECHTAG("/sprechtag"),
    FAIRTRADE("/fairtrade"),
    FACHKRAEFTE("/fachkraefte");

    private final String path;

    LiveOffer(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The message key of its link text (reallabor bundle). */
    public String messageKey() {
        return "reallabor.offer." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
