package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The 31 requests an attacker's fuzzing turned into HTTP 500 (issue 15, points 3 and 4): a NUL byte
 * in any parameter and lists bound with odd indexes. Each is answered with a 4xx now, cleaned once
 * at the edge ({@code ControlCharacterFilter}) and by the shared binder ({@code BindingErrorAdvice}).
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeInputTest {

    static final String NUL = "\u0000";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String owner;
    long listing;
    String slug;
    long slot;

    @BeforeAll
    void fixtures() {
        accounts = new TestAccounts(jdbc, encoder);
        owner = accounts.create("BUSINESS", "Randzeichen über Bottrop");
        slug = "randtest-" + UUID.randomUUID().toString().substring(0, 8);
        listing = jdbc.queryForObject("INSERT INTO business (slug, name, category_id, street, postal_code, status) "
                + "VALUES (?, 'Randtest', (SELECT min(id) FROM category), 'Hochstraße 1', '46236', 'PUBLISHED') RETURNING id",
                Long.class, slug);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", listing, owner);
        slot = jdbc.queryForObject("SELECT min(s.id) FROM consultation_slot s JOIN consultation_day d ON d.id = s.day_id "
                + "WHERE d.day > current_date AND NOT EXISTS (SELECT 1 FROM consultation_booking b WHERE b.slot_id = s.id)", Long.class);
    }

    @AfterAll
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ?", String.valueOf(listing));
        jdbc.update("DELETE FROM business WHERE id = ?", listing);
        accounts.deleteAll();
    }

    Stream<Arguments> refusedRequests() {
        return Stream.of(
                // NUL in the query string of public pages
                request("GET /unternehmen?q", t -> get("/unternehmen").param("q", NUL)),
                request("GET /unternehmen?kategorie", t -> get("/unternehmen").param("kategorie", NUL)),
                request("GET /unternehmen?stadtteil", t -> get("/unternehmen").param("stadtteil", NUL)),
                request("GET /unternehmen/karte?q", t -> get("/unternehmen/karte").param("q", NUL)),
                request("GET /unternehmen/karte?kategorie", t -> get("/unternehmen/karte").param("kategorie", NUL)),
                request("GET /unternehmen/karte?stadtteil", t -> get("/unternehmen/karte").param("stadtteil", NUL)),
                request("GET /veranstaltungen?q", t -> get("/veranstaltungen").param("q", "a" + NUL)),
                request("GET /veranstaltungen?kategorie", t -> get("/veranstaltungen").param("kategorie", "a" + NUL + "b")),
                request("GET /veranstaltungen.ics?kategorie", t -> get("/veranstaltungen.ics").param("kategorie", "a" + NUL + "b")),
                // NUL in posted fields
                request("POST /mitmachen name", t -> t.join("name")),
                request("POST /mitmachen street", t -> t.join("street")),
                request("POST /mitmachen email", t -> t.join("email")),
                request("POST report message", t -> post("/unternehmen/{slug}/hinweis", t.slug).with(csrf())
                        .param("message", "Umgezogen" + NUL)),
                request("POST report email", t -> post("/unternehmen/{slug}/hinweis", t.slug).with(csrf())
                        .param("message", "Umgezogen").param("email", "a" + NUL + "@b.de")),
                request("POST registration name", t -> t.registration("name")),
                request("POST registration email", t -> t.registration("email")),
                request("POST registration organisation", t -> t.registration("organisation")),
                request("POST listing name", t -> t.listing("name")),
                request("POST listing description", t -> t.listing("description")),
                request("POST listing street", t -> t.listing("street")),
                request("POST listing tags", t -> t.listing("tags")),
                request("POST hours exception note", t -> post("/konto/eintraege/{id}/oeffnungszeiten/ausnahmen", t.listing)
                        .with(csrf()).with(user(t.owner).roles("BUSINESS")).param("day", "2099-01-01")
                        .param("closed", "true").param("note", "Betriebsausflug" + NUL)),
                request("POST booking question", t -> post("/konto/termine/buchen/{id}", t.slot).with(csrf())
                        .with(user(t.owner).roles("BUSINESS")).param("topic", "WEBSITE").param("question", "Frage" + NUL)),
                request("POST sign-up email", t -> post("/konto/registrieren").with(csrf())
                        .param("email", "nul" + NUL + "@test.example").param("password", "Randzeichen über Bottrop")
                        .param("passwordRepeat", "Randzeichen über Bottrop")),
                // lists bound with odd indexes
                request("days[300]", t -> t.hours("days[300].opens1")),
                request("days[99999999]", t -> t.hours("days[99999999].opens1")),
                request("days[-1]", t -> t.hours("days[-1].opens1")),
                request("days[x]", t -> t.hours("days[x].opens1")),
                request("staff days[-1]", t -> post("/admin/unternehmen/{id}/oeffnungszeiten", t.listing).with(csrf())
                        .with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("days[-1].opens1", "08:00")),
                request("/mitmachen name[]", t -> post("/mitmachen").with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("name[]=1&name[0]=2")),
                request("/konto/registrieren name[]", t -> post("/konto/registrieren").with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("name[]=1&name[0]=2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void oddInputIsAnsweredWithAClientErrorNeverA500(String name, Function<EdgeInputTest, MockHttpServletRequestBuilder> request)
            throws Exception {
        MvcResult result = mvc.perform(request.apply(this)).andReturn();
        assertThat(result.getResponse().getStatus()).as(name).isBetween(400, 499);
    }

    @Test
    void theWeekStillBindsByIndex() throws Exception {
        mvc.perform(hours("days[6].opens1")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Öffnungszeiten")));
    }

    @Test
    void tabsAndLineBreaksOfATextAreaStayAndOtherControlCharactersAreRefused() throws Exception {
        mvc.perform(get("/unternehmen").param("q", "Bäckerei\tKamphues")).andExpect(status().isOk());
        mvc.perform(get("/unternehmen").param("q", "Bäckerei\u001b[31m")).andExpect(status().isBadRequest());
        mvc.perform(get("/unternehmen").param("q\u0000", "x")).andExpect(status().isBadRequest());
    }

    @Test
    void listingFieldsShownInOneLineRefuseLineBreaksAndKeepWhatWasTyped() throws Exception {
        mvc.perform(post("/konto/eintraege/{id}", listing).with(csrf()).with(user(owner).roles("BUSINESS"))
                        .param("name", "Randtest\r\nBEGIN:VCARD").param("category", "lebensmittel").param("street", "Hochstraße 1")
                        .param("postalCode", "46236").param("description", "Erste Zeile\r\nZweite Zeile").param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("ohne Zeilenumbruch"),
                        Matchers.containsString("Zweite Zeile"))));
    }

    private static Arguments request(String name, Function<EdgeInputTest, MockHttpServletRequestBuilder> request) {
        return Arguments.of(name, request);
    }

    MockHttpServletRequestBuilder join(String field) {
        MockHttpServletRequestBuilder request = post("/mitmachen").with(csrf())
                .param("name", "Randtest Café").param("category", "lebensmittel").param("street", "Hochstraße 2")
                .param("postalCode", "46236").param("email", "rand-" + UUID.randomUUID() + "@test.example")
                .param("password", "Randzeichen über Bottrop").param("passwordRepeat", "Randzeichen über Bottrop");
        return request.param(field, "Randtest" + NUL);
    }

    MockHttpServletRequestBuilder registration(String field) {
        MockHttpServletRequestBuilder request = post("/veranstaltungen/{slug}/anmeldung", "handwerker-fruehstueck").with(csrf())
                .param("name", "Anna Rand").param("email", "anna@test.example").param("organisation", "Rand GmbH")
                .param("people", "1");
        return request.param(field, "Rand" + NUL);
    }

    MockHttpServletRequestBuilder listing(String field) {
        MockHttpServletRequestBuilder request = post("/konto/eintraege/{id}", listing).with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("name", "Randtest").param("category", "lebensmittel").param("street", "Hochstraße 1")
                .param("postalCode", "46236").param("description", "Text").param("tags", "Brot").param("version", "0");
        return request.param(field, "Rand" + NUL);
    }

    MockHttpServletRequestBuilder hours(String parameter) {
        return post("/konto/eintraege/{id}/oeffnungszeiten", listing).with(csrf()).with(user(owner).roles("BUSINESS"))
                .param(parameter, "08:00");
    }
}
