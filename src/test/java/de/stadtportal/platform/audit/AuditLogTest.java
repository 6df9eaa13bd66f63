package de.stadtportal.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.account.TestAccounts;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.platform.audit.AuditLog.AuditEntry;
import de.stadtportal.platform.audit.AuditLog.AuditFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import de.stadtportal.platform.StaffFactors;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class AuditLogTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    final String type = "Test-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = ?", type);
    }

    @Test
    @WithMockUser(username = "redaktion@bottrop.example", roles = "EDITOR")
    void recordsOnlyChangedFieldsWithBeforeAndAfterAndWhoDidIt() {
        Map<String, Object> before = new LinkedHashMap<>(Map.of("name", "Bäckerei Alt", "city", "Bottrop"));
        Map<String, Object> after = new LinkedHashMap<>(Map.of("name", "Bäckerei Neu", "city", "Bottrop", "phone", "02041 1"));
        auditLog.record(type, 7, "UPDATED", before, after);

        AuditEntry entry = auditLog.search(new AuditFilter(null, type, null, null, null), 0, 10).get(0);
        assertThat(entry.actor()).isEqualTo("redaktion@bottrop.example");
        assertThat(entry.entityId()).isEqualTo("7");
        assertThat(entry.changes()).containsOnlyKeys("name", "phone");
        assertThat(entry.changes().get("name")).containsEntry("before", "Bäckerei Alt").containsEntry("after", "Bäckerei Neu");
        assertThat(entry.changes().get("phone")).containsEntry("before", null).containsEntry("after", "02041 1");
    }

    @Test
    void changesWithoutALoggedInUserAreRecordedAsSystem() {
        auditLog.record(type, 1, "CREATED", Map.of(), Map.of("name", "x"));
        assertThat(auditLog.search(new AuditFilter(null, type, null, null, null), 0, 10))
                .singleElement().extracting(AuditEntry::actor).isEqualTo("system");
    }

    @Test
    void searchFiltersByPersonRecordAndDate() {
        jdbc.update("INSERT INTO audit_entry (occurred_at, actor, entity_type, entity_id, action) VALUES "
                + "('2026-01-10 12:00+01', 'anna@bottrop.example', ?, '1', 'UPDATED'), "
                + "('2026-02-10 12:00+01', 'bernd@bottrop.example', ?, '2', 'UPDATED')", type, type);
        assertThat(auditLog.search(new AuditFilter("ANNA", type, null, null, null), 0, 10))
                .extracting(AuditEntry::entityId).containsExactly("1");
        assertThat(auditLog.search(new AuditFilter(null, type, "2", null, null), 0, 10))
                .extracting(AuditEntry::actor).containsExactly("bernd@bottrop.example");
        assertThat(auditLog.search(new AuditFilter(null, type, null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10)), 0, 10))
                .extracting(AuditEntry::entityId).containsExactly("2");
        assertThat(auditLog.search(new AuditFilter("%", type, null, null, null), 0, 10)).isEmpty();
    }

    @Test
    void staffBrowseAndFilterTheLogAndABrokenDateKeepsTheInput() throws Exception {
        auditLog.record(type, 42, "UPDATED", Map.of("name", "<script>alt</script>"), Map.of("name", "neu"));
        mvc.perform(get("/admin/protokoll").param("area", type).with(TestAccounts.staff("r@bottrop.example", "EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Änderungsprotokoll</h1>"),
                        containsString("&lt;script&gt;alt&lt;/script&gt;"), not(containsString("<script>alt")))));
        mvc.perform(get("/admin/protokoll").param("from", "31.02.2026").with(TestAccounts.staff("r@bottrop.example", "EDITOR")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("nicht gültig"), containsString("value=\"31.02.2026\""))));
    }

    @Test
    void businessesCannotReadTheLog() throws Exception {
        mvc.perform(get("/admin/protokoll").with(user("firma@test.example").roles("BUSINESS"))).andExpect(status().isForbidden());
    }

    @Test
    // a complete staff login: the role, both factors and the enrolled second factor (TestAccounts.staff)
    @WithMockUser(username = "redaktion@bottrop.example", authorities = {"ROLE_EDITOR", FactorGrantedAuthority.PASSWORD_AUTHORITY,
            FactorGrantedAuthority.OTT_AUTHORITY, StaffFactors.ENROLLED_AUTHORITY})
    void staffReadWhatHappenedInGermanNotAsCodes() throws Exception {
        auditLog.record(type, 8, "REGISTERED", Map.of(), Map.of("name", "Bäckerei"));

        mvc.perform(get("/admin/protokoll").param("area", type)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("registriert"), not(containsString("REGISTERED")))));
        mvc.perform(get("/admin")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("– REGISTERED"))));
    }
}
