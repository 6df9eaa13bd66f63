package de.stadtportal.directory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a Nominatim-compatible service (structured search: street, postal code, country) for an
 * address's coordinates. Short timeouts, and every failure is "not found": a save never waits
 * long for it and never fails because of it. Without {@code portal.geocoder.url} nothing is called.
 */
@Component
public class Geocoder {

    private static final Logger log = LoggerFactory.getLogger(Geocoder.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    public record Coordinates(BigDecimal latitude, BigDecimal longitude) {
    }

    private final GeocoderProperties settings;
    private final RestClient client;

    public Geocoder(GeocoderProperties settings) {
        this.settings = settings;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The first match, or empty when there is none, the service fails or none is configured. */
    public Optional<Coordinates> locate(String street, String postalCode) {
        if (!enabled() || street == null || street.isBlank() || postalCode == null || postalCode.isBlank()) {
            return Optional.empty();
        }
        String uri = UriComponentsBuilder.fromUriString(settings.url().replaceAll("/+$", "") + "/search")
                .queryParam("street", street.strip())
                .queryParam("postalcode", postalCode.strip())
                .queryParam("countrycodes", "de")
                .queryParam("format", "jsonv2")
                .queryParam("limit", 1)
                .encode().build().toUriString();
        try {
            String body = client.get().uri(java.net.URI.create(uri)).accept(MediaType.APPLICATION_JSON)
                    .header("User-Agent", settings.userAgent())
                    .retrieve().body(String.class);
            JsonNode first = body == null ? null : json.readTree(body).path(0);
            if (first == null || !first.has("lat") || !first.has("lon")) {
                return Optional.empty();
            }
            return Optional.of(new Coordinates(
                    new BigDecimal(first.get("lat").asString()).setScale(6, RoundingMode.HALF_UP),
                    new BigDecimal(first.get("lon").asString()).setScale(6, RoundingMode.HALF_UP)));
        } catch (RuntimeException e) {
            // unreachable, slow, an error status or no JSON: the listing is saved without a pin
            log.warn("Geocoder gave no answer for postal code {}: {}", postalCode, e.toString());
            return Optional.empty();
        }
    }
}
