package de.stadtportal.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The city's mark in the header of every page. Another city points {@code url} at its own SVG
 * (an asset of the portal or an https address on the portal's own host) and names itself in
 * {@code alt}, the text alternative screen readers read.
 *
 * @param url    the image, SVG preferred (sharp at every size)
 * @param alt    the city's name
 * @param width  CSS pixels, so the header does not jump while the image loads
 * @param height CSS pixels
 */
@ConfigurationProperties("portal.logo")
public record LogoProperties(@DefaultValue("/assets/icons/logo.svg") String url,
                             @DefaultValue("Stadt Bottrop") String alt,
                             @DefaultValue("44") int width,
                             @DefaultValue("44") int height) {
}
