package de.stadtportal.search;

/** Published by a module (application event) when one of its public documents was created or changed. */
public record SearchableDocumentChanged(SearchableDocument document) {
}
