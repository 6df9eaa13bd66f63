package de.stadtportal.content;

import de.stadtportal.account.TestAccounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import de.stadtportal.content.domain.BarrierReportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Feedback on barriers: the public form, its limits, and the staff's answer by mail. */
@PortalTest
class BarrierReportTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@bottrop.example", "EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BarrierReportService reports;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Barriere-Meldung'");
        jdbc.update("DELETE FROM outbox_mail WHERE recipient LIKE '%@barriere.example'");
        jdbc.update("DELETE FROM barrier_report");
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theFormKnowsThePageTheVisitorCameFromButNoOtherSite() throws Exception {
        assertThat(page(get("/barriere-melden").header("Referer", "http://localhost/unternehmen/karte?kategorie=lebensmittel")))
                .contains("value=\"/unternehmen/karte?kategorie=lebensmittel\"")
                .contains("maxlength=\"2000\"", "id=\"description\" name=\"description\"");
        assertThat(page(get("/barriere-melden").header("Referer", "https://elsewhere.example/seite")))
                .contains("id=\"location\" name=\"location\" value=\"\"");
        assertThat(page(get("/barriere-melden").param("seite", "javascript:alert(1)"))).doesNotContain("javascript:");
    }

    @Test
    void aReportIsStoredAndTheVisitorThanked() throws Exception {
        mvc.perform(post("/barriere-melden").with(csrf()).with(from("10.0.1.1"))
                        .param("description", "Die Karte lässt sich nicht mit der Tastatur bedienen.")
                        .param("location", "/unternehmen/karte").param("contactName", "Erika Muster")
                        .param("contactEmail", "erika@barriere.example"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/barrierefreiheit"))
                .andExpect(flash().attribute("success", "content.barrier.thanks"));
        assertThat(jdbc.queryForMap("SELECT description, location, contact_email, status FROM barrier_report"))
                .containsEntry("location", "/unternehmen/karte").containsEntry("contact_email", "erika@barriere.example")
                .containsEntry("status", "NEW");
    }

    @Test
    void badInputGetsA400WithTheMessageNextToTheFieldAndKeepsWhatWasTyped() throws Exception {
        String page = mvc.perform(post("/barriere-melden").with(csrf()).with(from("10.0.1.2"))
                        .param("description", " ").param("location", "/impressum").param("contactEmail", "kein-mail"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"description-error\"", "Bitte beschreiben Sie kurz", "id=\"contactEmail-error\"",
                "value=\"kein-mail\"", "value=\"/impressum\"", "aria-invalid=\"true\"");
        mvc.perform(post("/barriere-melden").with(csrf()).with(from("10.0.1.2")).param("description", "x".repeat(5000)))
                .andExpect(status().isBadRequest());
        // NUL and other control characters are refused at the edge (EdgeInputFilter), never passed to the database
        mvc.perform(post("/barriere-melden").with(csrf()).with(from("10.0.1.2"))
                        .param("description", "Kontrast\u0000 zu schwach").param("location", "\u0000"))
                .andExpect(status().isBadRequest());
        // a script tag is stored as the text it is (pages escape it)
        mvc.perform(post("/barriere-melden").with(csrf()).with(from("10.0.1.2"))
                        .param("description", "Kontrast zu schwach <script>alert(1)</script>").with(from("10.0.1.9")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT description FROM barrier_report", String.class))
                .isEqualTo("Kontrast zu schwach <script>alert(1)</script>");
    }

    @Test
    void oneAddressMaySendOnlyAFewReportsAnHour() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/barriere-melden").with(csrf()).with(from("10.0.1.3")).param("description", "Meldung " + i))
                    .andExpect(status().is3xxRedirection());
        }
        String page = mvc.perform(post("/barriere-melden").with(csrf()).with(from("10.0.1.3")).param("description", "Noch eine"))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ihre Eingaben sind erhalten", ">Noch eine</textarea>");
    }

    @Test
    void staffAnswerByMailCloseTheCaseAndTheContactIsErasedLater() throws Exception {
        long id = reports.submit("Das PDF ist nicht barrierefrei <b>", "/impressum", "Erika Muster", "erika@barriere.example");
        assertThat(page(get("/admin/barrieren").with(STAFF))).contains("/admin/barrieren/" + id, "Das PDF ist nicht barrierefrei &lt;b&gt;");
        assertThat(page(get("/admin/barrieren/" + id).with(STAFF))).contains("erika@barriere.example");

        mvc.perform(post("/admin/barrieren/" + id).with(STAFF).with(csrf()).param("status", "IN_PROGRESS")
                        .param("answer", "Wir stellen das Impressum als HTML-Seite bereit.").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = 'erika@barriere.example'"
                + " AND body LIKE '%als HTML-Seite bereit%'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Barriere-Meldung' AND entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        // a stale form: 409, the input stays
        String conflict = mvc.perform(post("/admin/barrieren/" + id).with(STAFF).with(csrf()).param("status", "CLOSED")
                        .param("answer", "Zweite Antwort").param("version", "0"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains(">Zweite Antwort</textarea>", "Jemand anderes hat diese Meldung gespeichert");

        mvc.perform(post("/admin/barrieren/" + id).with(STAFF).with(csrf()).param("status", "CLOSED")
                        .param("answer", "Wir stellen das Impressum als HTML-Seite bereit.").param("version", "1"))
                .andExpect(status().is3xxRedirection());
        // the same answer again is not mailed twice
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = 'erika@barriere.example'", Integer.class))
                .isEqualTo(1);
        assertThat(reports.forgetContacts()).isZero();
        jdbc.update("UPDATE barrier_report SET closed_at = now() - interval '31 days' WHERE id = ?", id);
        // while another instance runs the job (it holds the lock), this one leaves it alone
        try (java.sql.Connection other = dataSource.getConnection()) {
            try (var lock = other.prepareStatement("SELECT pg_advisory_lock(4711081)")) {
                lock.execute();
            }
            assertThat(reports.forgetContacts()).isZero();
            try (var unlock = other.prepareStatement("SELECT pg_advisory_unlock(4711081)")) {
                unlock.execute();
            }
        }
        assertThat(reports.forgetContacts()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT contact_name, contact_email FROM barrier_report WHERE id = ?", id))
                .containsEntry("contact_name", null).containsEntry("contact_email", null);

        mvc.perform(get("/admin/barrieren/999999999").with(STAFF)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/barrieren/" + id).with(STAFF).with(csrf()).param("status", "UNBEKANNT").param("version", "2"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theStatementLinksTheFormAndNamesTheOmbudsOffice() throws Exception {
        assertThat(page(get("/barrierefreiheit"))).contains("href=\"/barriere-melden\"",
                "Ombudsstelle für barrierefreie Informationstechnik", "href=\"/leichte-sprache\"");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
