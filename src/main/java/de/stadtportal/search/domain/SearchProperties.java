package de.stadtportal.search.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the portal-wide search (besides {@code portal.search.refresh-interval}, read by {@link SearchIndex}).
 *
 * @param inMemory match and rank searches in memory ({@link DocumentIndex}); false: every search in PostgreSQL
 */
@ConfigurationProperties("portal.search")
public record SearchProperties(@DefaultValue("true") boolean inMemory) {
}
