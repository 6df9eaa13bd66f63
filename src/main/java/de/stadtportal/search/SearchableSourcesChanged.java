package de.stadtportal.search;

/**
 * Published by a module (application event) when texts that several sources read changed, e.g. staff's
 * Seitentexte in place of a message bundle's text: once the module's transaction committed, the search compares
 * every source with its index at once instead of at its next round.
 */
public record SearchableSourcesChanged() {
}
