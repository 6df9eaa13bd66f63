package de.stadtportal.skilledworkers;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The support point: an employer asks without an account, follows the status link; only the support point reads. */
@PortalTest
class InquiryTest {

    static final String INBOX = "/admin/fachkraefte/anfragen";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String tag;
    String company;
    String email;
    String address;

    @BeforeEach
    void setUp() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        company = "Testbetrieb " + tag;
        email = "anfrage-" + tag + "@test.example";
        // each test its own client address, so the rate limit of one test does not hit another
        address = "10.77." + (Math.abs(tag.hashCode()) % 250) + "." + (Math.abs(tag.hashCode() / 250) % 250);
    }

    @AfterEach
    void cleanUp() {
        List<String> ids = jdbc.queryForList("SELECT id::text FROM skilled_inquiry WHERE company LIKE ?", String.class,
                company + "%");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Fachkräfte-Anfrage' AND entity_id = ANY (?::text[])",
                (Object) ids.toArray(String[]::new));
        jdbc.update("DELETE FROM audit_entry WHERE actor LIKE ?", "%-" + tag + "@test.example");
        jdbc.update("DELETE FROM skilled_inquiry WHERE company LIKE ?", company + "%");
        jdbc.update("DELETE FROM outbox_mail WHERE recipient = ? OR body LIKE ?", email, "%" + company + "%");
    }

    private MockHttpServletRequestBuilder form(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("company", company);
        fields.put("contactName", "Erika Muster");
        fields.put("email", email);
        fields.put("phone", "02041 123456");
        fields.put("plan", "APPRENTICESHIP");
        fields.put("residence", "UNKNOWN");
        fields.put("question", "Wir möchten im August einen jungen Mann ausbilden. <script>alert(1)</script>\r\n\r\nWas ist zu tun?");
        fields.put("consent", "true");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder builder = post("/fachkraefte/anfrage").with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        fields.forEach((name, value) -> {
            if (value != null) {
                builder.param(name, value);
            }
        });
        return builder;
    }

    /** Sends a valid inquiry. @return the private status path */
    private String submit() throws Exception {
        String location = mvc.perform(form()).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/fachkraefte/anfrage/status/");
        return location;
    }

    private long idOf() {
        return jdbc.queryForObject("SELECT id FROM skilled_inquiry WHERE company = ?", Long.class, company);
    }

    private long versionOf(long id) {
        return jdbc.queryForObject("SELECT version FROM skilled_inquiry WHERE id = ?", Long.class, id);
    }

    private String supportPoint() {
        return "lotse-" + tag + "@test.example";
    }

    @Test
    void theFormShowsTheConsentTextWithTheRetentionPeriod() throws Exception {
        mvc.perform(get("/fachkraefte/anfrage"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Weiß ich nicht"), containsString("12 Monate"),
                        containsString("Den Namen der Person brauchen wir nicht"), containsString("name=\"_csrf\""))));
    }

    @Test
    void anEmployerSendsAnInquiryAndFollowsItThroughThePrivateLink() throws Exception {
        String statusPath = submit();
        String token = statusPath.substring(statusPath.lastIndexOf('/') + 1);
        // only the hash is stored, and the mail carries the link
        assertThat(jdbc.queryForObject("SELECT count(*) FROM skilled_inquiry WHERE token_hash = ?", Long.class, token)).isZero();
        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ?", String.class, email);
        assertThat(body).contains(statusPath).contains("Erika Muster");
        assertThat(jdbc.queryForObject("SELECT consent_text FROM skilled_inquiry WHERE company = ?", String.class, company))
                .contains("12 Monate");

        mvc.perform(get(statusPath))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(allOf(containsString(company), containsString("neu"),
                        not(containsString("Erika Muster")))));
        mvc.perform(get("/fachkraefte/anfrage/status/" + token.substring(1) + "x")).andExpect(status().isNotFound());
    }

    @Test
    void badInputComesBackNextToItsFieldInGermanAndKeepsWhatWasTyped() throws Exception {
        // control characters never reach the form: the edge (EdgeInputFilter) refuses the request
        mvc.perform(form("company", "Firma", "contactName", "Erika\u0000Muster")).andExpect(status().isBadRequest());
        mvc.perform(form("company", "", "email", "keine-adresse", "plan", "FREELANCE", "residence", null, "consent", null,
                        "phone", "abc", "contactName", "Erika Muster"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"company-error\""), containsString("Bitte füllen Sie dieses Feld aus."),
                        containsString("id=\"email-error\""), containsString("value=\"keine-adresse\""),
                        containsString("id=\"plan-error\""), containsString("id=\"residence-error\""),
                        containsString("Bitte wählen Sie eine Möglichkeit aus."),
                        containsString("id=\"phone-error\""),
                        containsString("id=\"consent-error\""), containsString("Bitte willigen Sie ein"),
                        containsString("Was ist zu tun?"), containsString("&lt;script&gt;"),
                        not(containsString("<script>alert")))));
        mvc.perform(form("question", "x".repeat(4001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("höchstens 4000 Zeichen, Ihr Text hat 4001")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM skilled_inquiry WHERE company LIKE ?", Long.class, company + "%"))
                .isZero();
    }

    @Test
    void oneAddressMaySendFiveInquiriesAnHourThenTheFormKeepsTheInput() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(form("company", company + " " + i)).andExpect(status().isFound());
        }
        mvc.perform(form("company", company + " 5"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(allOf(containsString("später noch einmal"), containsString(company + " 5"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM skilled_inquiry WHERE company LIKE ?", Long.class, company + "%"))
                .isEqualTo(5);
    }

    @Test
    void anEditorCannotReadInquiriesTheSupportPointCanAndEveryReadIsAudited() throws Exception {
        submit();
        long id = idOf();
        mvc.perform(get(INBOX).with(TestAccounts.staff("redaktion-" + tag + "@test.example", "EDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(get(INBOX + "/" + id).with(TestAccounts.staff("redaktion-" + tag + "@test.example", "EDITOR")))
                .andExpect(status().isForbidden());

        mvc.perform(get(INBOX).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(company)));
        mvc.perform(get(INBOX + "/" + id).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Erika Muster"), containsString(email),
                        containsString("Weiß ich nicht"), containsString("&lt;script&gt;"))));
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE actor = ? AND entity_type = 'Fachkräfte-Anfrage'",
                String.class, supportPoint())).containsExactlyInAnyOrder("READ", "READ");
        // the audit log never copies the employer's data
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE changes::text LIKE ? OR changes::text LIKE ?",
                Long.class, "%Erika%", "%" + email + "%")).isZero();
        // the support point reaches nothing else of the staff area
        mvc.perform(get("/admin").with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/fachkraefte").with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))).andExpect(status().isForbidden());
    }

    @Test
    void theSupportPointForwardsAnswersAndTheEmployerSeesItBehindTheLink() throws Exception {
        String statusPath = submit();
        long id = idOf();
        long office = jdbc.queryForObject("SELECT id FROM skilled_contact_point WHERE slug = 'auslaenderamt'", Long.class);
        String officeMail = "amt-" + tag + "@test.example";
        String oldMail = jdbc.queryForObject("SELECT email FROM skilled_contact_point WHERE id = ?", String.class, office);
        jdbc.update("UPDATE skilled_contact_point SET email = ? WHERE id = ?", officeMail, office);
        try {
            // forwarded needs the office
            mvc.perform(post(INBOX + "/" + id).with(csrf()).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))
                            .param("status", "FORWARDED").param("notes", "Rückruf am Montag").param("version", String.valueOf(versionOf(id))))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("id=\"forwardedTo-error\""), containsString("R&uuml;ckruf am Montag"))));
            mvc.perform(post(INBOX + "/" + id).with(csrf()).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))
                            .param("status", "FORWARDED").param("forwardedTo", "999999999").param("version", String.valueOf(versionOf(id))))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Diese Stelle gibt es nicht")));
            mvc.perform(post(INBOX + "/" + id).with(csrf()).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))
                            .param("status", "FORWARDED").param("forwardedTo", String.valueOf(office))
                            .param("notes", "Rückruf am Montag").param("version", String.valueOf(versionOf(id))))
                    .andExpect(status().isFound());
            assertThat(jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ?", String.class, officeMail))
                    .contains(company).contains("Erika Muster");
            mvc.perform(get(statusPath))
                    .andExpect(content().string(allOf(containsString("weitergeleitet an"), containsString("Ausländeramt"),
                            not(containsString("Rückruf am Montag")))));

            // a stale version: 409, the answer typed is kept
            mvc.perform(post(INBOX + "/" + id + "/antwort").with(csrf()).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))
                            .param("answer", "Veraltete Antwort").param("version", "0"))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(allOf(containsString("Veraltete Antwort"), containsString("inzwischen geändert"))));
            mvc.perform(post(INBOX + "/" + id + "/antwort").with(csrf()).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))
                            .param("answer", "Die Ausbildungsduldung beantragen Sie beim Ausländeramt.\n\nViele Grüße")
                            .param("version", String.valueOf(versionOf(id))))
                    .andExpect(status().isFound());
            assertThat(jdbc.queryForList("SELECT subject FROM outbox_mail WHERE recipient = ? ORDER BY id", String.class, email))
                    .hasSize(2).last().asString().contains("Antwort");
            mvc.perform(get(statusPath))
                    .andExpect(content().string(allOf(containsString("beantwortet"),
                            containsString("Die Ausbildungsduldung beantragen Sie beim Ausländeramt."))));

            mvc.perform(post(INBOX + "/" + id).with(csrf()).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))
                            .param("status", "CLOSED").param("forwardedTo", String.valueOf(office))
                            .param("version", String.valueOf(versionOf(id))))
                    .andExpect(status().isFound());
            assertThat(jdbc.queryForObject("SELECT closed_at IS NOT NULL FROM skilled_inquiry WHERE id = ?", Boolean.class, id)).isTrue();
            assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'Fachkräfte-Anfrage' AND entity_id = ?",
                    String.class, String.valueOf(id))).contains("CREATED", "CHANGED", "ANSWERED");
        } finally {
            jdbc.update("UPDATE skilled_contact_point SET email = ? WHERE id = ?", oldMail, office);
            jdbc.update("DELETE FROM outbox_mail WHERE recipient = ?", officeMail);
        }
    }

    @Test
    void oddIdsAndValuesInTheInboxAreClientErrors() throws Exception {
        mvc.perform(get(INBOX).param("status", "GIBT_ES_NICHT").with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT")))
                .andExpect(status().isBadRequest());
        mvc.perform(get(INBOX + "/abc").with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))).andExpect(status().isBadRequest());
        mvc.perform(get(INBOX + "/999999999").with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))).andExpect(status().isNotFound());
        submit();
        long id = idOf();
        mvc.perform(post(INBOX + "/" + id).with(csrf()).with(TestAccounts.staff(supportPoint(), "SUPPORT_POINT"))
                        .param("status", "VERLOREN").param("forwardedTo", "eins").param("notes", "Notiz bleibt").param("version", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Notiz bleibt"), containsString("id=\"status-error\""),
                        containsString("id=\"forwardedTo-error\""), containsString("Bitte laden Sie die Seite neu"))));
    }
}
