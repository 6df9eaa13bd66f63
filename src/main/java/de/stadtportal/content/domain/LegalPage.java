package de.stadtportal.content.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The legal and accessibility pages whose text sections staff may change: each with the message keys of its
 * sections (as the page's template shows them). Labels and texts with placeholders stay built-in.
 */
public enum LegalPage {
    IMPRESSUM("impressum", "platform.nav.imprint", List.of("legal.imprint.intro", "legal.imprint.provider", "legal.imprint.legalForm",
            "legal.imprint.department", "legal.imprint.editorial", "legal.imprint.demo", "legal.imprint.demo.text",
            "legal.imprint.liability", "legal.imprint.liability.content", "legal.imprint.liability.links",
            "legal.imprint.licences", "legal.imprint.software", "legal.imprint.openData", "legal.imprint.openData.licence")),
    DATENSCHUTZ("datenschutz", "platform.nav.privacy", List.of("legal.privacy.intro", "legal.privacy.controller", "legal.privacy.officer",
            "legal.privacy.visit", "legal.privacy.visit.logs", "legal.privacy.visit.statistics", "legal.privacy.cookies",
            "legal.privacy.cookies.text", "legal.privacy.cookies.session", "legal.privacy.cookies.language",
            "legal.privacy.cookies.none", "legal.privacy.accounts", "legal.privacy.accounts.text", "legal.privacy.mail",
            "legal.privacy.events", "legal.privacy.events.registrations", "legal.privacy.events.consultation",
            "legal.privacy.events.reports", "legal.privacy.security", "legal.privacy.map", "legal.privacy.inquiries",
            "legal.privacy.inquiries.purpose", "legal.privacy.inquiries.basis", "legal.privacy.inquiries.recipients",
            "legal.privacy.recipients", "legal.privacy.recipients.text", "legal.privacy.retention", "legal.privacy.rights",
            "legal.privacy.rights.text", "legal.privacy.rights.access", "legal.privacy.rights.rectification",
            "legal.privacy.rights.erasure", "legal.privacy.rights.restriction", "legal.privacy.rights.portability",
            "legal.privacy.rights.objection", "legal.privacy.rights.withdrawal", "legal.privacy.complaint",
            "legal.privacy.complaint.text", "legal.privacy.ldi.name")),
    BARRIEREFREIHEIT("barrierefreiheit", "platform.nav.accessibility", List.of("legal.accessibility.intro", "legal.accessibility.scope",
            "legal.accessibility.status", "legal.accessibility.status.text", "legal.accessibility.gaps",
            "legal.accessibility.gaps.easyLanguage", "legal.accessibility.gaps.english", "legal.accessibility.creation",
            "legal.accessibility.created", "legal.accessibility.method", "legal.accessibility.reviewed",
            "legal.accessibility.yearly", "legal.accessibility.feedback", "legal.accessibility.feedback.text",
            "legal.accessibility.enforcement", "legal.accessibility.enforcement.text", "legal.accessibility.ombuds"));

    private final String path;
    private final String titleKey;
    private final List<String> keys;

    LegalPage(String path, String titleKey, List<String> keys) {
        this.path = path;
        this.titleKey = titleKey;
        this.keys = keys;
    }

    /** The page's address without the slash, also its key under /admin/rechtliches/. */
    public String path() {
        return path;
    }

    public String titleKey() {
        return titleKey;
    }

    public List<String> keys() {
        return keys;
    }

    /** Whether the page has the statement and review dates of the accessibility statement. */
    public boolean dated() {
        return this == BARRIEREFREIHEIT;
    }

    public static Optional<LegalPage> ofPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }
}
