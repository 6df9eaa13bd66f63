package de.stadtportal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import de.stadtportal.PortalTest;
import de.stadtportal.platform.StaffFactors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route under /admin and /konto, for every kind of user. A route added later fails
 * {@link #everyRouteIsInTheMatrix()} until it is placed here, with the access it needs.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** SUPPORT_POINT: the support point's inquiries (personal data), for SUPPORT_POINT and ADMIN, not every EDITOR */
    enum Access { PUBLIC, LOGGED_IN, STAFF, ADMIN, SUPPORT_POINT }

    /** EDITOR_WITHOUT_CODE: an editor logged in with the password only, before the mailed code (the second factor) */
    enum Who { ANONYMOUS, BUSINESS, EDITOR, ADMIN, SUPPORT_POINT, EDITOR_WITHOUT_CODE }

    static final Map<String, Access> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /konto/anmelden", Access.PUBLIC),
            Map.entry("GET /konto/registrieren", Access.PUBLIC),
            Map.entry("POST /konto/registrieren", Access.PUBLIC),
            Map.entry("GET /konto/registriert", Access.PUBLIC),
            Map.entry("GET /konto/bestaetigen", Access.PUBLIC),
            Map.entry("POST /konto/bestaetigen", Access.PUBLIC),
            Map.entry("GET /konto/passwort-vergessen", Access.PUBLIC),
            Map.entry("POST /konto/passwort-vergessen", Access.PUBLIC),
            Map.entry("GET /konto/passwort-neu", Access.PUBLIC),
            Map.entry("POST /konto/passwort-neu", Access.PUBLIC),
            Map.entry("GET /konto/einladung", Access.PUBLIC),
            Map.entry("POST /konto/einladung", Access.PUBLIC),
            Map.entry("GET /konto/email-bestaetigen", Access.PUBLIC),
            Map.entry("POST /konto/email-bestaetigen", Access.PUBLIC),
            Map.entry("GET /konto", Access.LOGGED_IN),
            Map.entry("GET /konto/passwort", Access.LOGGED_IN),
            Map.entry("POST /konto/passwort", Access.LOGGED_IN),
            Map.entry("GET /konto/email", Access.LOGGED_IN),
            Map.entry("POST /konto/email", Access.LOGGED_IN),
            Map.entry("GET /konto/loeschen", Access.LOGGED_IN),
            Map.entry("POST /konto/loeschen", Access.LOGGED_IN),
            Map.entry("GET /konto/eintraege", Access.LOGGED_IN),
            Map.entry("GET /konto/eintraege/{id}", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}/bestaetigen", Access.LOGGED_IN),
            Map.entry("GET /konto/eintraege/{id}/oeffnungszeiten", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}/oeffnungszeiten", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}/oeffnungszeiten/ausnahmen", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}/oeffnungszeiten/ausnahmen/{day}/loeschen", Access.LOGGED_IN),
            Map.entry("GET /konto/uebernehmen", Access.LOGGED_IN),
            // the second factor's pages: anyone logged in; they send whoever needs no code back to /konto
            Map.entry("GET /konto/zweiter-faktor", Access.LOGGED_IN),
            Map.entry("GET /konto/zweiter-faktor/code", Access.LOGGED_IN),
            Map.entry("POST /konto/zweiter-faktor/senden", Access.LOGGED_IN),
            Map.entry("POST /konto/zweiter-faktor/wiederherstellung", Access.LOGGED_IN),
            Map.entry("GET /konto/zweiter-faktor/einrichten", Access.LOGGED_IN),
            Map.entry("POST /konto/zweiter-faktor/einrichten", Access.LOGGED_IN),
            Map.entry("POST /konto/uebernehmen", Access.LOGGED_IN),
            Map.entry("GET /konto/eintraege/{id}/bilder", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}/bilder", Access.LOGGED_IN),
            Map.entry("GET /konto/eintraege/{id}/bilder/{imageId}", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}/bilder/{imageId}", Access.LOGGED_IN),
            Map.entry("POST /konto/eintraege/{id}/bilder/{imageId}/loeschen", Access.LOGGED_IN),
            Map.entry("GET /konto/termine", Access.LOGGED_IN),
            Map.entry("GET /konto/termine/buchen/{id}", Access.LOGGED_IN),
            Map.entry("POST /konto/termine/buchen/{id}", Access.LOGGED_IN),
            Map.entry("POST /konto/termine/{id}/stornieren", Access.LOGGED_IN),
            Map.entry("GET /admin/veranstaltungen", Access.STAFF),
            Map.entry("GET /admin/veranstaltungen/neu", Access.STAFF),
            Map.entry("POST /admin/veranstaltungen/neu", Access.STAFF),
            Map.entry("GET /admin/barrieren", Access.STAFF),
            Map.entry("GET /admin/barrieren/{id}", Access.STAFF),
            Map.entry("POST /admin/barrieren/{id}", Access.STAFF),
            Map.entry("GET /admin/veranstaltungen/{id}", Access.STAFF),
            Map.entry("POST /admin/veranstaltungen/{id}", Access.STAFF),
            Map.entry("GET /admin/veranstaltungen/{id}/absagen", Access.STAFF),
            Map.entry("POST /admin/veranstaltungen/{id}/absagen", Access.STAFF),
            Map.entry("GET /admin/veranstaltungen/{id}/anmeldungen", Access.STAFF),
            Map.entry("GET /admin/veranstaltungen/{id}/anmeldungen.csv", Access.STAFF),
            Map.entry("GET /admin/veranstaltungen/{id}/einlass", Access.STAFF),
            Map.entry("GET /admin/sprechtag", Access.STAFF),
            Map.entry("POST /admin/sprechtag/tage", Access.STAFF),
            Map.entry("POST /admin/sprechtag/experten", Access.STAFF),
            Map.entry("POST /admin/sprechtag/termine", Access.STAFF),
            Map.entry("POST /admin/sprechtag/termine/{id}/loeschen", Access.STAFF),
            Map.entry("POST /admin/sprechtag/termine/{id}/stornieren", Access.STAFF),
            Map.entry("POST /admin/sprechtag/tage/{id}/loeschen", Access.STAFF),
            Map.entry("POST /admin/sprechtag/experten/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/sprechtag/experten/{id}", Access.STAFF),
            Map.entry("POST /admin/sprechtag/experten/{id}", Access.STAFF),
            Map.entry("GET /admin/handwerk/portraets", Access.STAFF),
            Map.entry("GET /admin/handwerk/portraets/neu", Access.STAFF),
            Map.entry("POST /admin/handwerk/portraets/neu", Access.STAFF),
            Map.entry("GET /admin/handwerk/portraets/{id}", Access.STAFF),
            Map.entry("POST /admin/handwerk/portraets/{id}", Access.STAFF),
            Map.entry("POST /admin/handwerk/portraets/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/fairtrade", Access.STAFF),
            Map.entry("GET /admin/fairtrade/auszeichnungen/neu", Access.STAFF),
            Map.entry("POST /admin/fairtrade/auszeichnungen/neu", Access.STAFF),
            Map.entry("GET /admin/fairtrade/auszeichnungen/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/auszeichnungen/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/auszeichnungen/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/fairtrade/ziele/neu", Access.STAFF),
            Map.entry("POST /admin/fairtrade/ziele/neu", Access.STAFF),
            Map.entry("GET /admin/fairtrade/ziele/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/ziele/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/ziele/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/fairtrade/mitglieder/neu", Access.STAFF),
            Map.entry("POST /admin/fairtrade/mitglieder/neu", Access.STAFF),
            Map.entry("GET /admin/fairtrade/mitglieder/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/mitglieder/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/mitglieder/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/fairtrade/aktionen/neu", Access.STAFF),
            Map.entry("POST /admin/fairtrade/aktionen/neu", Access.STAFF),
            Map.entry("GET /admin/fairtrade/aktionen/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/aktionen/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/aktionen/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/fairtrade/steuerungsgruppe/neu", Access.STAFF),
            Map.entry("POST /admin/fairtrade/steuerungsgruppe/neu", Access.STAFF),
            Map.entry("GET /admin/fairtrade/steuerungsgruppe/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/steuerungsgruppe/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/steuerungsgruppe/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/fairtrade/presse/neu", Access.STAFF),
            Map.entry("POST /admin/fairtrade/presse/neu", Access.STAFF),
            Map.entry("GET /admin/fairtrade/presse/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/presse/{id}", Access.STAFF),
            Map.entry("POST /admin/fairtrade/presse/{id}/loeschen", Access.STAFF),
            Map.entry("POST /admin/fairtrade/anfragen/{id}/annehmen", Access.STAFF),
            Map.entry("POST /admin/fairtrade/anfragen/{id}/ablehnen", Access.STAFF),
            Map.entry("POST /admin/fairtrade/geschaefte/{id}/bestaetigen", Access.STAFF),
            Map.entry("POST /admin/fairtrade/geschaefte/{id}/zuruecknehmen", Access.STAFF),
            Map.entry("GET /admin/fairtrade/bericht", Access.STAFF),
            Map.entry("GET /admin/fairtrade/bericht.csv", Access.STAFF),
            Map.entry("GET /konto/fairtrade", Access.LOGGED_IN),
            Map.entry("GET /konto/fairtrade/{id}", Access.LOGGED_IN),
            Map.entry("POST /konto/fairtrade/{id}", Access.LOGGED_IN),
            Map.entry("GET /admin", Access.STAFF),
            Map.entry("GET /admin/unternehmen", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/freigeben", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/ablehnen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/alle", Access.STAFF),
            Map.entry("GET /admin/unternehmen/neu", Access.STAFF),
            Map.entry("POST /admin/unternehmen/neu", Access.STAFF),
            Map.entry("GET /admin/unternehmen/{id}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/archivieren", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/wiederherstellen", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/einladen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/aenderungen", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/gesehen", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/aenderung-uebernehmen", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/aenderung-verwerfen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/{id}/oeffnungszeiten", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/oeffnungszeiten", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/oeffnungszeiten/ausnahmen", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/oeffnungszeiten/ausnahmen/{day}/loeschen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/hinweise", Access.STAFF),
            Map.entry("POST /admin/unternehmen/hinweise/{id}/erledigt", Access.STAFF),
            Map.entry("GET /admin/unternehmen/verzeichnisse", Access.STAFF),
            Map.entry("POST /admin/unternehmen/verzeichnisse/{kind}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/verzeichnisse/{kind}/{id}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/verzeichnisse/{kind}/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/import", Access.STAFF),
            Map.entry("POST /admin/unternehmen/import", Access.STAFF),
            Map.entry("GET /admin/unternehmen/export.csv", Access.STAFF),
            Map.entry("GET /admin/unternehmen/themen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/themen/{topic}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/themen/{topic}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/themen/{topic}/zuruecksetzen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/themen/{topic}/versionen", Access.STAFF),
            Map.entry("POST /admin/unternehmen/themen/{topic}/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/unternehmen/{id}/bilder", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/bilder", Access.STAFF),
            Map.entry("GET /admin/unternehmen/{id}/bilder/{imageId}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/bilder/{imageId}", Access.STAFF),
            Map.entry("POST /admin/unternehmen/{id}/bilder/{imageId}/loeschen", Access.STAFF),
            Map.entry("GET /admin/reallabore", Access.STAFF),
            Map.entry("GET /admin/reallabore/{id}", Access.STAFF),
            Map.entry("POST /admin/reallabore/{id}", Access.STAFF),
            Map.entry("GET /admin/reallabore/{id}/versionen", Access.STAFF),
            Map.entry("POST /admin/reallabore/{id}/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/reallabore/{id}/massnahmen/neu", Access.STAFF),
            Map.entry("POST /admin/reallabore/{id}/massnahmen/neu", Access.STAFF),
            Map.entry("GET /admin/reallabore/massnahmen/{id}", Access.STAFF),
            Map.entry("POST /admin/reallabore/massnahmen/{id}", Access.STAFF),
            Map.entry("POST /admin/reallabore/massnahmen/{id}/hoch", Access.STAFF),
            Map.entry("POST /admin/reallabore/massnahmen/{id}/runter", Access.STAFF),
            Map.entry("POST /admin/reallabore/massnahmen/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/reallabore/massnahmen/{id}/versionen", Access.STAFF),
            Map.entry("POST /admin/reallabore/massnahmen/{id}/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/reallabore/uebersicht", Access.STAFF),
            Map.entry("POST /admin/reallabore/uebersicht", Access.STAFF),
            Map.entry("GET /admin/reallabore/uebersicht/versionen", Access.STAFF),
            Map.entry("POST /admin/reallabore/uebersicht/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/reallabore/verzeichnisse", Access.STAFF),
            Map.entry("GET /admin/reallabore/verzeichnisse/{kind}/neu", Access.STAFF),
            Map.entry("POST /admin/reallabore/verzeichnisse/{kind}/neu", Access.STAFF),
            Map.entry("GET /admin/reallabore/verzeichnisse/{kind}/{id}", Access.STAFF),
            Map.entry("POST /admin/reallabore/verzeichnisse/{kind}/{id}", Access.STAFF),
            Map.entry("GET /admin/aktuelles", Access.STAFF),
            Map.entry("GET /admin/aktuelles/neu", Access.STAFF),
            Map.entry("POST /admin/aktuelles/neu", Access.STAFF),
            Map.entry("GET /admin/aktuelles/{id}", Access.STAFF),
            Map.entry("POST /admin/aktuelles/{id}", Access.STAFF),
            Map.entry("POST /admin/aktuelles/{id}/loeschen", Access.STAFF),
            Map.entry("GET /admin/aktuelles/{id}/versionen", Access.STAFF),
            Map.entry("GET /admin/aktuelles/{id}/bilder/{imageId}", Access.STAFF),
            Map.entry("POST /admin/aktuelles/{id}/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/startseite", Access.STAFF),
            Map.entry("POST /admin/startseite", Access.STAFF),
            Map.entry("GET /admin/startseite/versionen", Access.STAFF),
            Map.entry("GET /admin/startseite/bilder/{id}", Access.STAFF),
            Map.entry("POST /admin/startseite/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/rechtliches", Access.STAFF),
            Map.entry("GET /admin/rechtliches/{page}", Access.STAFF),
            Map.entry("POST /admin/rechtliches/{page}", Access.STAFF),
            Map.entry("POST /admin/rechtliches/{page}/zuruecksetzen", Access.STAFF),
            Map.entry("GET /admin/rechtliches/{page}/versionen", Access.STAFF),
            Map.entry("POST /admin/rechtliches/{page}/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/seitentexte", Access.STAFF),
            Map.entry("GET /admin/seitentexte/{page}", Access.STAFF),
            Map.entry("POST /admin/seitentexte/{page}", Access.STAFF),
            Map.entry("POST /admin/seitentexte/{page}/zuruecksetzen", Access.STAFF),
            Map.entry("GET /admin/seitentexte/{page}/versionen", Access.STAFF),
            Map.entry("POST /admin/seitentexte/{page}/versionen/{number}/wiederherstellen", Access.STAFF),
            Map.entry("GET /admin/postausgang", Access.STAFF),
            Map.entry("GET /admin/postausgang/{id}", Access.STAFF),
            Map.entry("GET /admin/postausgang/{id}/anhang", Access.STAFF),
            Map.entry("GET /admin/protokoll", Access.STAFF),
            Map.entry("GET /admin/statistik", Access.STAFF),
            Map.entry("GET /konto/fachkraefte/angebote", Access.LOGGED_IN),
            Map.entry("GET /konto/fachkraefte/angebote/neu", Access.LOGGED_IN),
            Map.entry("POST /konto/fachkraefte/angebote/neu", Access.LOGGED_IN),
            Map.entry("GET /konto/fachkraefte/angebote/{id}", Access.LOGGED_IN),
            Map.entry("POST /konto/fachkraefte/angebote/{id}", Access.LOGGED_IN),
            Map.entry("POST /konto/fachkraefte/angebote/{id}/verlaengern", Access.LOGGED_IN),
            Map.entry("GET /admin/fachkraefte/angebote", Access.STAFF),
            Map.entry("POST /admin/fachkraefte/angebote/{id}/freigeben", Access.STAFF),
            Map.entry("POST /admin/fachkraefte/angebote/{id}/ablehnen", Access.STAFF),
            Map.entry("GET /konto/fachkraefte/netzwerk", Access.LOGGED_IN),
            Map.entry("POST /konto/fachkraefte/netzwerk", Access.LOGGED_IN),
            Map.entry("POST /konto/fachkraefte/netzwerk/austreten", Access.LOGGED_IN),
            Map.entry("GET /admin/fachkraefte/netzwerk", Access.STAFF),
            Map.entry("POST /admin/fachkraefte/netzwerk/{slug}/entfernen", Access.STAFF),
            Map.entry("GET /admin/fachkraefte", Access.STAFF),
            Map.entry("GET /admin/fachkraefte/orientierung/{language}", Access.STAFF),
            Map.entry("POST /admin/fachkraefte/orientierung/{language}", Access.STAFF),
            Map.entry("GET /admin/fachkraefte/themen/{id}", Access.STAFF),
            Map.entry("POST /admin/fachkraefte/themen/{id}", Access.STAFF),
            Map.entry("GET /admin/fachkraefte/anlaufstellen/{id}", Access.STAFF),
            Map.entry("POST /admin/fachkraefte/anlaufstellen/{id}", Access.STAFF),
            Map.entry("GET /admin/fachkraefte/anfragen", Access.SUPPORT_POINT),
            Map.entry("GET /admin/fachkraefte/anfragen/{id}", Access.SUPPORT_POINT),
            Map.entry("POST /admin/fachkraefte/anfragen/{id}", Access.SUPPORT_POINT),
            Map.entry("POST /admin/fachkraefte/anfragen/{id}/antwort", Access.SUPPORT_POINT),
            Map.entry("GET /admin/konten", Access.ADMIN),
            Map.entry("POST /admin/konten/einladen", Access.ADMIN),
            Map.entry("POST /admin/konten/{id}/rollen", Access.ADMIN),
            Map.entry("POST /admin/konten/{id}/deaktivieren", Access.ADMIN),
            Map.entry("POST /admin/konten/{id}/aktivieren", Access.ADMIN),
            Map.entry("POST /admin/konten/{id}/zweiter-faktor", Access.ADMIN)));

    static final String PASSWORD = "ein langes Test-Passwort 42";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    final Map<Who, String> emails = new TreeMap<>();

    @BeforeAll
    void createAccounts() {
        accounts = new TestAccounts(jdbc, encoder);
        emails.put(Who.BUSINESS, accounts.create("BUSINESS", PASSWORD));
        emails.put(Who.EDITOR, accounts.create("EDITOR", PASSWORD));
        emails.put(Who.ADMIN, accounts.create("ADMIN", PASSWORD));
        emails.put(Who.SUPPORT_POINT, accounts.create("SUPPORT_POINT", PASSWORD));
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
    }

    @Test
    void everyRouteIsInTheMatrix() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/admin") || p.startsWith("/konto"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> routes.add(m.name() + " " + p))));
        assertThat(routes).as("routes under /admin and /konto; place new ones in MATRIX")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    static Stream<String> routes() {
        return MATRIX.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("routes")
    void eachKindOfUserGetsExactlyTheAccessTheRouteNeeds(String route) throws Exception {
        Access access = MATRIX.get(route);
        for (Who who : Who.values()) {
            MockHttpServletResponse response = perform(route, who);
            boolean allowed = switch (access) {
                case PUBLIC -> true;
                case LOGGED_IN -> who != Who.ANONYMOUS;
                case STAFF -> who == Who.EDITOR || who == Who.ADMIN;
                case ADMIN -> who == Who.ADMIN;
                case SUPPORT_POINT -> who == Who.SUPPORT_POINT || who == Who.ADMIN;
            };
            String where = route + " as " + who;
            if (allowed) {
                assertThat(response.getStatus()).as(where).isNotIn(401, 403).isLessThan(500);
                assertThat(response.getRedirectedUrl()).as(where).isNotEqualTo("/konto/anmelden");
            } else if (who == Who.EDITOR_WITHOUT_CODE) {
                // every staff route needs the second factor: the editor is sent to confirm the mailed code
                if (access == Access.STAFF) {
                    assertThat(response.getStatus()).as(where).isEqualTo(302);
                    assertThat(response.getRedirectedUrl()).as(where).startsWith(StaffFactors.SECOND_FACTOR_PAGE);
                } else {
                    assertThat(response.getStatus()).as(where).isIn(302, 403);
                    assertThat(String.valueOf(response.getRedirectedUrl())).as(where).doesNotStartWith("/admin");
                }
            } else if (who == Who.ANONYMOUS) {
                assertThat(response.getStatus()).as(where).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).as(where).isEqualTo("/konto/anmelden");
            } else {
                assertThat(response.getStatus()).as(where).isEqualTo(403);
            }
        }
    }

    private MockHttpServletResponse perform(String route, Who who) throws Exception {
        String[] parts = route.split(" ", 2);
        // ids, days and names that exist nowhere: a request that is let through changes nothing
        String path = parts[1].replace("{id}", "999999999").replace("{day}", "2099-01-01")
                .replace("{kind}", "gibt-es-nicht").replace("{topic}", "gibt-es-nicht").replaceAll("\\{[^}]+}", "999999999");
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(parts[0]), path);
        if (parts[0].equals("POST")) {
            builder.with(csrf());
        }
        if (who == Who.EDITOR_WITHOUT_CODE) {
            builder.with(user(emails.get(Who.EDITOR)).authorities(new SimpleGrantedAuthority("ROLE_EDITOR"),
                    FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
        } else if (who != Who.ANONYMOUS) {
            builder.with(who == Who.BUSINESS ? user(emails.get(who)).roles(who.name()) : TestAccounts.staff(emails.get(who), who.name()));
        }
        return mvc.perform(builder).andReturn().getResponse();
    }
}
