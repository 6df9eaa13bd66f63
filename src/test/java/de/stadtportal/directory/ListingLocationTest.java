package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.domain.Geocoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Owners and staff place a listing's pin with two plain fields (the map only fills them): checked
 * against the city's box with German messages next to the fields, the input kept on an error.
 * Before, no form set coordinates and new listings never reached the map.
 */
@PortalTest
class ListingLocationTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@bottrop.example", "EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Geocoder geocoder;

    TestAccounts accounts;
    String name;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        name = "Stecknadel " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE name = ?", name);
        accounts.deleteAll();
    }

    @Test
    void staffCreateAListingWithItsPinAndItIsOnTheMap() throws Exception {
        mvc.perform(get("/admin/unternehmen/neu").with(STAFF))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<legend>Lage auf der Karte</legend>"),
                        containsString("id=\"latitude\""), containsString("id=\"longitude\""),
                        containsString("data-kind=\"pick\""))));
        mvc.perform(listing(post("/admin/unternehmen/neu"), 0).param("latitude", "51,5301").param("longitude", "6.9302").with(STAFF))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.queryForMap("SELECT id, slug, latitude::text AS lat, longitude::text AS lon FROM business WHERE name = ?", name);
        assertThat(row).containsEntry("lat", "51.530100").containsEntry("lon", "6.930200");
        mvc.perform(get("/unternehmen/karte").param("q", name))
                .andExpect(content().string(allOf(containsString(name), containsString("data-lat=\"51.530100\""))));
        // the staff form shows the pin and the address it belongs to
        mvc.perform(get("/admin/unternehmen/{id}", row.get("id")).with(STAFF))
                .andExpect(content().string(allOf(containsString("value=\"51.530100\""),
                        containsString("Adresse laut Eintrag: Hochstraße 1, 46236"))));
    }

    @Test
    void coordinatesOutsideTheCityOrHalfGivenAreRefusedNextToTheField() throws Exception {
        mvc.perform(listing(post("/admin/unternehmen/neu"), 0).param("latitude", "52.52").param("longitude", "13.40").with(STAFF))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"latitude-error\">Dieser Breitengrad liegt nicht im Stadtgebiet. Erlaubt sind Werte von 51.47 bis 51.66."),
                        containsString("id=\"longitude-error\">Dieser Längengrad liegt nicht im Stadtgebiet."),
                        containsString("aria-invalid=\"true\""),
                        containsString("value=\"52.52\""), containsString("value=\"" + name + "\""))));
        mvc.perform(listing(post("/admin/unternehmen/neu"), 0).param("latitude", "51.52").param("longitude", "").with(STAFF))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"longitude-error\">Bitte geben Sie Breiten- und Längengrad an")));
        mvc.perform(listing(post("/admin/unternehmen/neu"), 0).param("latitude", "Nord").param("longitude", "6.93").with(STAFF))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Bitte geben Sie den Breitengrad als Zahl an")));
        mvc.perform(listing(post("/admin/unternehmen/neu"), 0).param("latitude", "51.5212345678").param("longitude", "6.93").with(STAFF))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("höchstens sechs Nachkommastellen")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business WHERE name = ?", Integer.class, name)).isZero();
    }

    @Test
    void ownersMoveTheirPinAndWithoutAGeocoderNothingIsLookedUp() throws Exception {
        String owner = accounts.create("BUSINESS", "Halde Haniel und Tetraeder");
        long id = TestListings.ownedBy(jdbc, owner, "test-stecknadel-" + UUID.randomUUID().toString().substring(0, 8), name,
                "handwerk", "Hochstraße 1", "PUBLISHED");
        // no PORTAL_GEOCODER_URL in the tests: a save without a pin stays without one
        assertThat(geocoder.enabled()).isFalse();
        mvc.perform(listing(post("/konto/eintraege/{id}", id), 0).with(user(owner).roles("BUSINESS")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT latitude IS NULL FROM business WHERE id = ?", Boolean.class, id)).isTrue();

        mvc.perform(listing(post("/konto/eintraege/{id}", id), 1).param("latitude", "51.5236").param("longitude", "6.9292")
                        .with(user(owner).roles("BUSINESS")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT latitude::text || ' ' || longitude::text FROM business WHERE id = ?", String.class, id))
                .isEqualTo("51.523600 6.929200");
        mvc.perform(listing(post("/konto/eintraege/{id}", id), 2).param("latitude", "0").param("longitude", "0")
                        .with(user(owner).roles("BUSINESS")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dieser Breitengrad liegt nicht im Stadtgebiet")));
        mvc.perform(get("/konto/eintraege/{id}", id).with(user(owner).roles("BUSINESS")))
                .andExpect(content().string(allOf(containsString("value=\"51.523600\""), containsString("data-kind=\"pick\""))));
    }

    private MockHttpServletRequestBuilder listing(MockHttpServletRequestBuilder request, long version) {
        return request.with(csrf()).param("name", name).param("category", "handwerk").param("street", "Hochstraße 1")
                .param("postalCode", "46236").param("version", String.valueOf(version));
    }
}
