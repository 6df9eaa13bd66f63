package de.stadtportal.directory.domain;

import java.util.Map;
import java.util.Optional;

import de.stadtportal.directory.domain.Geocoder.Coordinates;
import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Puts a listing on the map when nobody placed its pin: the geocoder (if configured) is asked for
 * the address. Deliberately not transactional: the HTTP call happens before the save's
 * transaction, so a slow geocoder never holds a database connection. A match outside the city's
 * box is ignored (a street name that exists elsewhere too).
 */
@Service
public class ListingLocator {

    private final Geocoder geocoder;
    private final CityBounds bounds;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    ListingLocator(Geocoder geocoder, CityBounds bounds, JdbcClient jdbc, AuditLog auditLog) {
        this.geocoder = geocoder;
        this.bounds = bounds;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** The edit with the geocoder's coordinates when it has none; unchanged otherwise. */
    public ListingEdit locate(ListingEdit edit) {
        if (edit.placed() || !geocoder.enabled()) {
            return edit;
        }
        return find(edit.street(), edit.postalCode())
                .map(found -> edit.withCoordinates(found.latitude(), found.longitude()))
                .orElse(edit);
    }

    /** For a listing saved without a pin (a self-registration): staff publishing it put it on the map. */
    public void locateIfMissing(long id) {
        if (!geocoder.enabled()) {
            return;
        }
        record Address(String street, String postalCode) {
        }
        jdbc.sql("SELECT street, postal_code FROM business WHERE id = :id AND (latitude IS NULL OR longitude IS NULL)")
                .param("id", id).query((rs, i) -> new Address(rs.getString("street"), rs.getString("postal_code")))
                .optional()
                .flatMap(address -> find(address.street(), address.postalCode()))
                .ifPresent(found -> {
                    int changed = jdbc.sql("""
                                    UPDATE business SET latitude = :lat, longitude = :lon
                                    WHERE id = :id AND (latitude IS NULL OR longitude IS NULL)""")
                            .param("lat", found.latitude()).param("lon", found.longitude()).param("id", id).update();
                    if (changed > 0) {
                        auditLog.record(Listings.ENTITY, id, "GEOCODED", Map.of(),
                                Map.of("latitude", found.latitude().toPlainString(), "longitude", found.longitude().toPlainString()));
                    }
                });
    }

    private Optional<Coordinates> find(String street, String postalCode) {
        return geocoder.locate(street, postalCode).filter(c -> bounds.contains(c.latitude(), c.longitude()));
    }
}
