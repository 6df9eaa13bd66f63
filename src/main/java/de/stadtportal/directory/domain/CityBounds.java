package de.stadtportal.directory.domain;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The box around the city a listing's pin must lie in (degrees, WGS 84). The defaults enclose
 * Bottrop with Kirchhellen and Grafenwald and a little margin; another city sets its own.
 */
@ConfigurationProperties("portal.directory.bounds")
public record CityBounds(@DefaultValue("51.47") BigDecimal south,
                         @DefaultValue("6.82") BigDecimal west,
                         @DefaultValue("51.66") BigDecimal north,
                         @DefaultValue("7.03") BigDecimal east) {

    public CityBounds {
        if (south.compareTo(north) >= 0 || west.compareTo(east) >= 0) {
            throw new IllegalArgumentException("portal.directory.bounds: south < north and west < east needed");
        }
    }

    public boolean containsLatitude(BigDecimal latitude) {
        return latitude.compareTo(south) >= 0 && latitude.compareTo(north) <= 0;
    }

    public boolean containsLongitude(BigDecimal longitude) {
        return longitude.compareTo(west) >= 0 && longitude.compareTo(east) <= 0;
    }

    public boolean contains(BigDecimal latitude, BigDecimal longitude) {
        return containsLatitude(latitude) && containsLongitude(longitude);
    }
}
