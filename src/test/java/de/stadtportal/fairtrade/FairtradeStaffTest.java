package de.stadtportal.fairtrade;

import de.stadtportal.account.TestAccounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff keep Fairtrade-Town: every form saves, is audited, refuses bad input next to the field and keeps it. */
@PortalTest
class FairtradeStaffTest {

    static final String BASE = "/admin/fairtrade";
    static final String STAFF = "redaktion-fairtrade@test.example";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String tag;

    @BeforeEach
    void setUp() {
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM fairtrade_member WHERE name LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM fairtrade_press WHERE title LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM fairtrade_steering WHERE organisation LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM fairtrade_target WHERE year = 2091");
        jdbc.update("DELETE FROM fairtrade_term WHERE awarded_on >= '2090-01-01'");
        jdbc.update("DELETE FROM audit_entry WHERE actor = ?", STAFF);
    }

    private static MockHttpServletRequestBuilder staffPost(String path, String... fields) {
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR"));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    private static MockHttpServletRequestBuilder staffGet(String path) {
        return get(path).with(TestAccounts.staff(STAFF, "EDITOR"));
    }

    @Test
    void aMemberWithActionsIsSavedAuditedShownAndCountedInItsYear() throws Exception {
        String name = "Schule " + tag;
        mvc.perform(staffGet(BASE + "/mitglieder/neu")).andExpect(status().isOk());
        mvc.perform(staffPost(BASE + "/mitglieder/neu", "name", name, "kind", "SCHOOL", "website", "https://schule.example",
                "description", "Faire Pause", "listed", "true", "version", "0")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM fairtrade_member WHERE name = ?", Long.class, name);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Fairtrade-Mitglied' "
                + "AND entity_id = ? AND action = 'CREATED' AND actor = ?", Long.class, String.valueOf(id), STAFF)).isOne();

        // two actions in 2091 and one in 2092: the member counts once per year
        mvc.perform(staffPost(BASE + "/aktionen/neu", "memberId", String.valueOf(id), "title", "Faires Frühstück " + tag,
                "heldOn", "2091-03-01", "version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(staffPost(BASE + "/aktionen/neu", "memberId", String.valueOf(id), "title", "Fairer Basar " + tag,
                "heldOn", "2091-11-30", "version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(staffPost(BASE + "/aktionen/neu", "memberId", String.valueOf(id), "title", "Faire Woche " + tag,
                "heldOn", "2092-01-05", "version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(staffGet(BASE + "/mitglieder/" + id)).andExpect(content().string(allOf(
                containsString("Faires Frühstück " + tag), containsString("30.11.2091"))));
        mvc.perform(staffGet(BASE + "/bericht?jahr=2091")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Faires Frühstück " + tag), containsString("Fairer Basar " + tag),
                not(containsString("Faire Woche " + tag)), containsString("1 von 1 Schulen mit Aktion"))));
        mvc.perform(staffGet(BASE + "/bericht?jahr=2092")).andExpect(content().string(
                containsString("1 von 1 Schulen mit Aktion")));

        // listed members appear on /fairtrade and in the open data, hidden ones do not
        mvc.perform(get("/fairtrade")).andExpect(content().string(containsString(name)));
        mvc.perform(get("/api/v1/fairtrade")).andExpect(content().string(containsString(name)));
        long version = jdbc.queryForObject("SELECT version FROM fairtrade_member WHERE id = ?", Long.class, id);
        mvc.perform(staffPost(BASE + "/mitglieder/" + id, "name", name, "kind", "SCHOOL", "version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fairtrade")).andExpect(content().string(not(containsString(name))));
        mvc.perform(get("/api/v1/fairtrade.csv")).andExpect(content().string(not(containsString(name))));

        // a stale save: 409, the input stays, nothing is overwritten
        mvc.perform(staffPost(BASE + "/mitglieder/" + id, "name", name + " alt", "kind", "CLUB", "version", String.valueOf(version)))
                .andExpect(status().isConflict()).andExpect(content().string(allOf(
                        containsString("Jemand anderes hat diesen Eintrag inzwischen geändert"), containsString(name + " alt"))));
        assertThat(jdbc.queryForObject("SELECT kind FROM fairtrade_member WHERE id = ?", String.class, id)).isEqualTo("SCHOOL");

        // the same name twice: next to the field
        mvc.perform(staffPost(BASE + "/mitglieder/neu", "name", name, "kind", "CLUB", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"name-error\""),
                        containsString("Diesen Eintrag gibt es schon"))));

        mvc.perform(staffPost(BASE + "/mitglieder/" + id + "/loeschen")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fairtrade_action WHERE member_id = ?", Long.class, id)).isZero();
        mvc.perform(staffPost(BASE + "/mitglieder/" + id + "/loeschen")).andExpect(status().isNotFound());
    }

    @Test
    void badInputOnEveryStaffFormComesBackNextToItsFieldWithTheInputKept() throws Exception {
        String script = "<script>alert(1)</script>" + tag;
        // member: missing kind, wrong web address, control character, too long
        mvc.perform(staffPost(BASE + "/mitglieder/neu", "name", "Verein " + tag, "kind", "KEINE", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"kind-error\""),
                        containsString("Bitte wählen Sie einen Wert aus der Liste"), containsString("Verein " + tag))));
        // control characters never reach the form: the edge (EdgeInputFilter) refuses the request
        mvc.perform(staffPost(BASE + "/mitglieder/neu", "name", "Verein\u0007 " + tag, "kind", "CLUB", "version", "0"))
                .andExpect(status().isBadRequest());
        mvc.perform(staffPost(BASE + "/mitglieder/neu", "name", "", "kind", "CLUB", "website",
                "javascript:alert(1)", "description", "x".repeat(501), "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"name-error\""),
                        containsString("id=\"website-error\""),
                        containsString("mit https:// oder http:// beginnt"), containsString("id=\"description-error\""),
                        containsString("Dieser Text ist zu lang."), containsString("value=\"javascript:alert(1)\""))));
        // a script tag is kept as text, escaped
        mvc.perform(staffPost(BASE + "/mitglieder/neu", "name", script, "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;" + tag), not(containsString("<script>alert(1)")))));
        // action: unknown member, impossible date
        mvc.perform(staffPost(BASE + "/aktionen/neu", "memberId", "999999999", "title", "Aktion " + tag, "heldOn", "2091-02-01",
                "version", "0")).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"memberId-error\""), containsString("Diese Organisation gibt es nicht"),
                        containsString("Aktion " + tag))));
        mvc.perform(staffPost(BASE + "/aktionen/neu", "memberId", "999999999", "title", "Aktion " + tag, "heldOn", "2026-02-30",
                "version", "0")).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"heldOn-error\""), containsString("value=\"2026-02-30\""), containsString("Aktion " + tag))));
        mvc.perform(staffPost(BASE + "/aktionen/neu", "memberId", "abc", "title", "Aktion " + tag, "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"memberId-error\""), containsString("Aktion " + tag))));
        mvc.perform(staffPost(BASE + "/aktionen/neu", "title", "", "heldOn", "1850-01-01", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"memberId-error\""), containsString("id=\"title-error\""),
                        containsString("Bitte füllen Sie dieses Feld aus."), containsString("zwischen den Jahren 2000 und 2100"))));
        // term: no date, date out of range
        mvc.perform(staffPost(BASE + "/auszeichnungen/neu", "awardedOn", "", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"awardedOn-error\"")));
        mvc.perform(staffPost(BASE + "/auszeichnungen/neu", "awardedOn", "gestern", "note", "Notiz " + tag, "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"awardedOn-error\""), containsString("value=\"gestern\""), containsString("Notiz " + tag))));
        // targets: wrong type, negative, year out of range
        mvc.perform(staffPost(BASE + "/ziele/neu", "year", "20x6", "shops", "1", "gastronomy", "1", "press", "1",
                "version", "0")).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"year-error\""), containsString("value=\"20x6\""))));
        mvc.perform(staffPost(BASE + "/ziele/neu", "year", "1999", "shops", "-1", "gastronomy", "1001", "press", "",
                "version", "0")).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"year-error\""), containsString("zwischen 2000 und 2100"), containsString("id=\"shops-error\""),
                        containsString("Bitte eine ganze Zahl von 0 bis 1000 eingeben."), containsString("id=\"gastronomy-error\""),
                        containsString("id=\"press-error\""))));
        // steering group: a name without consent is refused, unknown sector
        mvc.perform(staffPost(BASE + "/steuerungsgruppe/neu", "organisation", "Verband " + tag, "role", "Vorsitz",
                "sector", "NIRGENDS", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"sector-error\""), containsString("Verband " + tag))));
        mvc.perform(staffPost(BASE + "/steuerungsgruppe/neu", "organisation", "Verband " + tag, "role", "Vorsitz",
                "sector", "POLITICS", "personName", "Erika Muster", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"personName-error\""),
                        containsString("nur mit Einwilligung"), containsString("Verband " + tag))));
        // press: missing outlet, bad link
        mvc.perform(staffPost(BASE + "/presse/neu", "title", "Artikel " + tag, "outlet", " ", "publishedOn", "2091-05-01",
                "url", "ftp://zeitung.example", "version", "0")).andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"outlet-error\""), containsString("id=\"url-error\""), containsString("Artikel " + tag))));
        // an unknown id is a 404, a wrong id a 400 – never a 500
        mvc.perform(staffGet(BASE + "/presse/999999999")).andExpect(status().isNotFound());
        mvc.perform(staffGet(BASE + "/presse/abc")).andExpect(status().isBadRequest());
        mvc.perform(staffGet(BASE + "/bericht?jahr=99999")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fairtrade_member WHERE name LIKE ?", Long.class, "%" + tag + "%")).isZero();
    }

    @Test
    void termsRunTwoYearsTargetsAreOnePerYearSteeringNamesNeedConsentAndPressCountsPerYear() throws Exception {
        mvc.perform(staffPost(BASE + "/auszeichnungen/neu", "awardedOn", "2090-11-26", "note", "Test " + tag, "version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT valid_until FROM fairtrade_term WHERE awarded_on = '2090-11-26'", String.class))
                .isEqualTo("2092-11-26");
        mvc.perform(staffPost(BASE + "/auszeichnungen/neu", "awardedOn", "2090-11-26", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"awardedOn-error\"")));

        mvc.perform(staffPost(BASE + "/ziele/neu", "year", "2091", "shops", "10", "gastronomy", "5", "press", "2",
                "councilResolution", "true", "version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(staffPost(BASE + "/ziele/neu", "year", "2091", "shops", "1", "gastronomy", "1", "press", "1", "version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"year-error\"")));

        mvc.perform(staffPost(BASE + "/steuerungsgruppe/neu", "organisation", "Verband " + tag, "role", "Vorsitz",
                "sector", "BUSINESS", "personName", "Erika Muster", "consent", "true", "version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fairtrade")).andExpect(content().string(allOf(containsString("Verband " + tag),
                containsString("(Erika Muster)"))));
        long seat = jdbc.queryForObject("SELECT id FROM fairtrade_steering WHERE organisation = ?", Long.class, "Verband " + tag);
        // consent withdrawn: the name goes
        mvc.perform(staffPost(BASE + "/steuerungsgruppe/" + seat, "organisation", "Verband " + tag, "role", "Vorsitz",
                "sector", "BUSINESS", "version", "0")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT person_name FROM fairtrade_steering WHERE id = ?", String.class, seat)).isNull();
        assertThat(jdbc.queryForObject("SELECT changes::text FROM audit_entry WHERE entity_type = 'Fairtrade-Steuerungsgruppe' "
                + "AND entity_id = ? AND action = 'CREATED'", String.class, String.valueOf(seat))).doesNotContain("Erika");

        mvc.perform(staffPost(BASE + "/presse/neu", "title", "Artikel A " + tag, "outlet", "Lokalzeitung",
                "publishedOn", "2091-05-01", "url", "https://zeitung.example/a", "version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(staffPost(BASE + "/presse/neu", "title", "=HYPERLINK(\"x\") " + tag, "outlet", "Radio",
                "publishedOn", "2091-12-31", "version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(staffPost(BASE + "/presse/neu", "title", "Artikel C " + tag, "outlet", "Radio",
                "publishedOn", "2092-01-01", "version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(staffGet(BASE + "/bericht?jahr=2091")).andExpect(content().string(allOf(
                containsString("2 von 2 Presseartikeln"), containsString("10 Geschäften"), not(containsString("Artikel C " + tag)))));
        // the CSV: per criterion the count and the names; a formula is neutralised
        mvc.perform(staffGet(BASE + "/bericht.csv?jahr=2091")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Presseartikel,2,2"), containsString("Artikel A " + tag), containsString("'=HYPERLINK"),
                containsString("2091-12-31"))));
    }
}
