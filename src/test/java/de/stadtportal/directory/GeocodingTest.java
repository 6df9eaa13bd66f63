package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.domain.Geocoder;
import de.stadtportal.directory.domain.GeocoderProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * With PORTAL_GEOCODER_URL a listing saved without a pin is looked up by its address, against a
 * fake Nominatim on a random local port. Its failures (error status, slowness, a place outside the
 * city) never block the save. A context of its own: the setting must be there at start.
 */
@PortalTest
class GeocodingTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@bottrop.example", "EDITOR");
    static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    static volatile String answer = "[]";
    static volatile int answerStatus = 200;
    static volatile long delayMillis = 0;
    static final HttpServer NOMINATIM = start();

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/search", exchange -> {
                QUERIES.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8)
                        + " agent=" + exchange.getRequestHeaders().getFirst("User-Agent"));
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(answerStatus, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException e) {
                    // the portal gave up waiting
                }
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void geocoder(DynamicPropertyRegistry registry) {
        registry.add("portal.geocoder.url", () -> "http://127.0.0.1:" + NOMINATIM.getAddress().getPort() + "/");
        registry.add("portal.geocoder.read-timeout", () -> "800ms");
    }

    @AfterAll
    static void stop() {
        NOMINATIM.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String name;

    @BeforeEach
    void setUp() {
        name = "Geokodiert " + UUID.randomUUID().toString().substring(0, 8);
        QUERIES.clear();
        answer = "[]";
        answerStatus = 200;
        delayMillis = 0;
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id IN (SELECT id::text FROM business WHERE name = ?)", name);
        jdbc.update("DELETE FROM business WHERE name = ?", name);
    }

    @Test
    void aListingWithoutPinIsPlacedFromItsAddress() throws Exception {
        answer = "[{\"place_id\":1,\"lat\":\"51.5217316\",\"lon\":\"6.9288812\",\"display_name\":\"Hochstraße 1, Bottrop\"}]";
        create(null, null);
        assertThat(coordinates()).isEqualTo("51.521732 6.928881");
        assertThat(QUERIES).singleElement().asString()
                .contains("street=Hochstraße 1", "postalcode=46236", "countrycodes=de", "format=jsonv2", "limit=1", "agent=Stadtportal");
    }

    @Test
    void aSelfRegisteredListingIsPlacedWhenStaffPublishIt() throws Exception {
        answer = "[{\"lat\":\"51.6400\",\"lon\":\"6.9700\"}]";
        long id = jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES (?, ?, (SELECT id FROM category WHERE slug = 'handwerk'), 'Hauptstraße 10', '46244', 'PENDING')
                RETURNING id""", Long.class, "test-geo-" + UUID.randomUUID().toString().substring(0, 8), name);
        mvc.perform(post("/admin/unternehmen/{id}/freigeben", id).with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        assertThat(coordinates()).isEqualTo("51.640000 6.970000");
        assertThat(QUERIES).singleElement().asString().contains("street=Hauptstraße 10", "postalcode=46244");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ? AND action = 'GEOCODED'",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aPinSetByHandIsNeverOverwrittenNorLookedUp() throws Exception {
        answer = "[{\"lat\":\"51.6\",\"lon\":\"6.95\"}]";
        create("51.5300", "6.9300");
        assertThat(coordinates()).isEqualTo("51.530000 6.930000");
        assertThat(QUERIES).isEmpty();
    }

    @Test
    void failuresOfTheGeocoderNeverBlockTheSave() throws Exception {
        answerStatus = 500;
        answer = "{\"error\":\"kaputt\"}";
        create(null, null);
        assertThat(coordinates()).isNull();
        cleanUp();

        // a place outside the city's box (the same street name in Berlin) is no pin for Bottrop
        answerStatus = 200;
        answer = "[{\"lat\":\"52.52\",\"lon\":\"13.40\"}]";
        create(null, null);
        assertThat(coordinates()).isNull();
        cleanUp();

        answer = "not json";
        create(null, null);
        assertThat(coordinates()).isNull();
        cleanUp();

        // slower than the read timeout: saved without a pin, after the timeout, not after the geocoder
        answer = "[{\"lat\":\"51.52\",\"lon\":\"6.92\"}]";
        delayMillis = 5000;
        long started = System.nanoTime();
        create(null, null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4000));
        assertThat(coordinates()).isNull();
    }

    @Test
    void withoutAUrlTheGeocoderCallsNobody() {
        Geocoder off = new Geocoder(new GeocoderProperties("", Duration.ofSeconds(1), Duration.ofSeconds(1), "x"));
        assertThat(off.enabled()).isFalse();
        assertThat(off.locate("Hochstraße 1", "46236")).isEmpty();
        assertThat(QUERIES).isEmpty();
    }

    private void create(String latitude, String longitude) throws Exception {
        var request = post("/admin/unternehmen/neu").with(csrf()).with(STAFF).param("name", name).param("category", "handwerk")
                .param("street", "Hochstraße 1").param("postalCode", "46236").param("version", "0");
        if (latitude != null) {
            request.param("latitude", latitude).param("longitude", longitude);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private String coordinates() {
        return jdbc.queryForObject("SELECT latitude::text || ' ' || longitude::text FROM business WHERE name = ?", String.class, name);
    }
}
