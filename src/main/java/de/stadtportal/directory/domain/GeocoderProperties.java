package de.stadtportal.directory.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Nominatim-compatible geocoder that finds a listing's coordinates from its address when
 * nobody placed the pin. Unset: the portal never calls one.
 *
 * @param url            base address, e.g. {@code https://nominatim.openstreetmap.org} (its /search is asked)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the answer; a save never waits longer than both together
 * @param userAgent      sent with every request (Nominatim's usage policy asks for one that names the application)
 */
@ConfigurationProperties("portal.geocoder")
public record GeocoderProperties(@DefaultValue("") String url,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("3s") Duration readTimeout,
                                 @DefaultValue("Stadtportal (https://github.com/stadtportal)") String userAgent) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }
}
