package de.stadtportal.search.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the portal-wide search (besides {@code portal.search.refresh-interval}, read by {@link SearchIndex}).
 *
 * @param inMemory           match and rank searches in memory ({@link DocumentIndex}); false: every search in PostgreSQL
 * @param inMemoryDocuments  the most documents held in memory: about 1 KB each, so the default fits the README's heap of
 *                           256 MB next to the directory's index and the page cache; with more, searches ask PostgreSQL
 */
@ConfigurationProperties("portal.search")
public record SearchProperties(@DefaultValue("true") boolean inMemory, @DefaultValue("50000") int inMemoryDocuments) {
}
