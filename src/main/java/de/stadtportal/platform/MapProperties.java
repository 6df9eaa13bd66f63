package de.stadtportal.platform;

import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map tiles: where they come from and whom the map credits. The tile server's origin is the
 * only foreign address in the Content-Security-Policy ({@code img-src}); tiles load only after a
 * visitor asks for the map.
 *
 * @param tileUrl     Leaflet tile URL template, e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png};
 *                    {@code {s}} (subdomains) becomes {@code *} in the policy
 * @param attribution plain text shown on the map
 */
@ConfigurationProperties("portal.map")
public record MapProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
        @DefaultValue("© OpenStreetMap-Mitwirkende") String attribution) {

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*");

    public MapProperties {
        tileOrigin(tileUrl);
    }

    /** "https://tile.openstreetmap.org" for the default; only https (or http for localhost) hosts are allowed. */
    public String tileOrigin() {
        return tileOrigin(tileUrl);
    }

    private static String tileOrigin(String tileUrl) {
        URI uri;
        try {
            uri = URI.create(tileUrl.replace("{s}", "s-placeholder").replaceAll("\\{[a-z]+}", "0"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("portal.map.tile-url is no URL: " + tileUrl, e);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase().replace("s-placeholder", "*");
        boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
        if (!HOST.matcher(host).matches() || !("https".equals(uri.getScheme()) || local && "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("portal.map.tile-url needs an https address: " + tileUrl);
        }
        return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
