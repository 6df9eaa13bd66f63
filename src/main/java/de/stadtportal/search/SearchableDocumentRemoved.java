package de.stadtportal.search;

/** Published by a module (application event) when one of its documents is no longer public. */
public record SearchableDocumentRemoved(String kind, String key) {
}
