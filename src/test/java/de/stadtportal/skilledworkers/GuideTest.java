package de.stadtportal.skilledworkers;

import de.stadtportal.account.TestAccounts;
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

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The refugees' orientation in five languages: right language tags, Arabic right to left, staff edit each. */
@PortalTest
class GuideTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Map<String, Object> before;

    @BeforeEach
    void remember() {
        before = jdbc.queryForMap("SELECT * FROM skilled_guide WHERE language = 'ar'");
    }

    @AfterEach
    void restore() {
        jdbc.update("UPDATE skilled_guide SET title = ?, body = ?, contacts_heading = ?, offers_link = ? WHERE language = 'ar'",
                before.get("title"), before.get("body"), before.get("contacts_heading"), before.get("offers_link"));
        jdbc.update("DELETE FROM audit_entry WHERE actor = 'redaktion-guide@test.example'");
    }

    @Test
    void eachLanguageHasItsPageWithTheRightLanguageAndDirection() throws Exception {
        mvc.perform(get("/fachkraefte/orientierung/ar")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<article class=\"guide\" lang=\"ar\" dir=\"rtl\">"),
                        containsString("العمل والتدريب المهني في بوتروب"), containsString("href=\"/fachkraefte/angebote\""),
                        containsString("Handwerkskammer Münster"))));
        mvc.perform(get("/fachkraefte/orientierung/uk"))
                .andExpect(content().string(containsString("<article class=\"guide\" lang=\"uk\" dir=\"ltr\">")));
        mvc.perform(get("/fachkraefte/orientierung/einfach"))
                .andExpect(content().string(allOf(containsString("lang=\"de\" dir=\"ltr\""), containsString("Darf ich arbeiten?"))));
        mvc.perform(get("/fachkraefte/orientierung/en")).andExpect(content().string(containsString("foreigners&#39; office")));
        mvc.perform(get("/fachkraefte/orientierung/de"))
                .andExpect(content().string(allOf(containsString("hreflang=\"ar\""), containsString(">العربية</a>"),
                        containsString(">Українська</a>"))));
        mvc.perform(get("/fachkraefte/orientierung/fr")).andExpect(status().isNotFound());
        mvc.perform(get("/fachkraefte")).andExpect(content().string(containsString("href=\"/fachkraefte/orientierung/de\"")));
    }

    @Test
    void staffEditTheArabicTextWithLockingAndMessagesNextToTheFields() throws Exception {
        long version = jdbc.queryForObject("SELECT version FROM skilled_guide WHERE language = 'ar'", Long.class);
        mvc.perform(post("/admin/fachkraefte/orientierung/ar").with(csrf()).with(TestAccounts.staff("redaktion-guide@test.example", "EDITOR"))
                        .param("title", "").param("body", "نص <script>").param("contactsHeading", "من يساعد؟")
                        .param("offersLink", "العروض").param("version", String.valueOf(version)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString("نص &lt;script&gt;"))));
        mvc.perform(post("/admin/fachkraefte/orientierung/ar").with(csrf()).with(TestAccounts.staff("redaktion-guide@test.example", "EDITOR"))
                        .param("title", "العمل في بوتروب").param("body", "فقرة أولى.\n\nفقرة ثانية.").param("contactsHeading", "من يساعد؟")
                        .param("offersLink", "العروض").param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(get("/fachkraefte/orientierung/ar"))
                .andExpect(content().string(allOf(containsString("<h1>العمل في بوتروب</h1>"), containsString("<p>فقرة ثانية.</p>"))));
        mvc.perform(post("/admin/fachkraefte/orientierung/ar").with(csrf()).with(TestAccounts.staff("redaktion-guide@test.example", "EDITOR"))
                        .param("title", "Stale").param("body", "x").param("contactsHeading", "x").param("offersLink", "x")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE actor = 'redaktion-guide@test.example'", Long.class))
                .isEqualTo(1);
    }
}
