package de.stadtportal.sprechtag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.TestListings;
import de.stadtportal.sprechtag.domain.SprechtagService;
import de.stadtportal.sprechtag.domain.SprechtagService.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Digitalisierungssprechtag: staff create slots, a business books one, a slot is never booked twice. */
@PortalTest
class SprechtagTest {

    static final String PASSWORD = "Sprechtag im Handwerk 2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SprechtagService sprechtag;

    @Autowired
    MessageSource messages;

    TestAccounts accounts;
    LocalDate day;
    String expert;
    /** audit entity ids of days and experts a test deleted (the cleanup can no longer find them by day or name) */
    final List<String> deletedAuditIds = new ArrayList<>();
    final List<Long> deletedSlots = new ArrayList<>();

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        // a day no demo data uses, far enough ahead to cancel
        day = LocalDate.of(2031, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 3000));
        expert = "Expertin " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        List<Long> slots = new ArrayList<>(deletedSlots);
        slots.addAll(jdbc.queryForList("SELECT s.id FROM consultation_slot s JOIN consultation_expert x ON x.id = s.expert_id "
                + "WHERE x.name = ?", Long.class, expert));
        for (Long slot : slots) {
            jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Sprechtag' AND (changes->'slot'->>'after' = ? "
                    + "OR changes->'slot'->>'before' = ? OR entity_id = ?)", slot.toString(), slot.toString(), "Termin " + slot);
        }
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Sprechtag' AND entity_id IN "
                + "(SELECT 'Tag ' || id FROM consultation_day WHERE day = ? UNION ALL SELECT 'Experte ' || id FROM consultation_expert "
                + "WHERE name = ?)", day, expert);
        for (String auditId : deletedAuditIds) {
            jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Sprechtag' AND entity_id = ?", auditId);
        }
        jdbc.update("DELETE FROM consultation_day WHERE day = ?", day);
        jdbc.update("DELETE FROM consultation_expert WHERE name = ?", expert);
        accounts.deleteAll();
    }

    private long createSlots() throws Exception {
        mvc.perform(post("/admin/sprechtag/tage").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))
                .param("day", day.toString()).param("meetingUrl", "https://video.example/test")).andExpect(redirectedUrl("/admin/sprechtag"));
        mvc.perform(post("/admin/sprechtag/experten").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))
                .param("name", expert).param("organisation", "Handwerkskammer Münster")).andExpect(redirectedUrl("/admin/sprechtag"));
        long dayId = jdbc.queryForObject("SELECT id FROM consultation_day WHERE day = ?", Long.class, day);
        long expertId = jdbc.queryForObject("SELECT id FROM consultation_expert WHERE name = ?", Long.class, expert);
        mvc.perform(post("/admin/sprechtag/termine").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))
                .param("dayId", String.valueOf(dayId)).param("expertId", String.valueOf(expertId))
                .param("from", "09:00").param("to", "11:00")).andExpect(redirectedUrl("/admin/sprechtag"));
        List<Long> slots = jdbc.queryForList("SELECT id FROM consultation_slot WHERE expert_id = ? ORDER BY starts_at", Long.class, expertId);
        assertThat(slots).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT starts_at FROM consultation_slot WHERE id = ?", LocalDateTime.class, slots.get(3)))
                .isEqualTo(day.atTime(LocalTime.of(10, 30)));
        return slots.get(0);
    }

    /** The staff forms of the Sprechtag refuse bad input next to the field and keep what was typed. */
    @Test
    void staffFormsKeepTheInputAndNameTheFieldThatIsWrong() throws Exception {
        mvc.perform(post("/admin/sprechtag/tage").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))
                        .param("day", "32.13.2027").param("meetingUrl", "http://unsicher.example/raum"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"day-error\""), containsString("id=\"meetingUrl-error\""),
                        containsString("value=\"http://unsicher.example/raum\""))));
        mvc.perform(post("/admin/sprechtag/termine").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))
                        .param("dayId", "x").param("expertId", "999999999").param("from", "11:00").param("to", "10:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"dayId-error\""), containsString("id=\"expertId-error\""),
                        containsString("id=\"to-error\""), containsString("Endzeit muss nach der Anfangszeit"),
                        containsString("value=\"11:00\""))));
    }

    /** Staff cancel a booked slot with a reason: the business is mailed, the slot is free again. */
    @Test
    void staffCancelABookedSlotAndTheBusinessIsMailed() throws Exception {
        long slot = createSlots();
        String business = accounts.create("BUSINESS", PASSWORD);
        assertThat(sprechtag.book(slot, business, Topic.E_RECHNUNG, "Frage")).isTrue();
        mvc.perform(get("/admin/sprechtag").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(containsString("/admin/sprechtag/termine/" + slot + "/stornieren")));
        mvc.perform(post("/admin/sprechtag/termine/" + slot + "/stornieren").with(csrf())
                        .with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"reason-" + slot + "-error\"")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_booking WHERE slot_id = ?", Integer.class, slot)).isEqualTo(1);

        mvc.perform(post("/admin/sprechtag/termine/" + slot + "/stornieren").with(csrf())
                        .with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("reason", "Die Expertin ist erkrankt."))
                .andExpect(redirectedUrl("/admin/sprechtag")).andExpect(flash().attribute("success", "sprechtag.admin.bookingCancelled"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_booking WHERE slot_id = ?", Integer.class, slot)).isZero();
        assertThat(jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? AND subject LIKE '%entfällt%'",
                String.class, business)).contains("Die Expertin ist erkrankt.", "/sprechtag");
        // a second cancellation finds nothing booked; an unknown slot is a 404
        mvc.perform(post("/admin/sprechtag/termine/" + slot + "/stornieren").with(csrf())
                        .with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("reason", "nochmal"))
                .andExpect(flash().attribute("failure", "sprechtag.admin.notBooked"));
        mvc.perform(post("/admin/sprechtag/termine/999999999/stornieren").with(csrf())
                        .with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("reason", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void businessBooksASlotGetsTheMeetingLinkAndCancels() throws Exception {
        long slot = createSlots();
        String business = accounts.create("BUSINESS", PASSWORD);
        mvc.perform(get("/sprechtag")).andExpect(status().isOk()).andExpect(content().string(containsString(expert)));
        mvc.perform(get("/konto/termine/buchen/" + slot).with(user(business).roles("BUSINESS"))).andExpect(status().isOk());
        mvc.perform(get("/konto/termine/buchen/" + slot).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/konto/termine/buchen/" + slot).with(csrf()).with(user(business).roles("BUSINESS"))
                        .param("topic", "GIBT_ES_NICHT").param("question", "x".repeat(1001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Bitte wählen Sie ein Thema aus der Liste."),
                        containsString("höchstens 1000 Zeichen"))));
        mvc.perform(post("/konto/termine/buchen/" + slot).with(csrf()).with(user(business).roles("BUSINESS"))
                        .param("topic", "E_RECHNUNG").param("question", "Wie stelle ich auf E-Rechnung um?"))
                .andExpect(redirectedUrl("/konto/termine"));
        assertThat(jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ?", String.class, business))
                .contains("https://video.example/test", "E-Rechnung", "09:00");
        String appointment = new String(jdbc.queryForObject("SELECT attachment FROM outbox_mail WHERE recipient = ?", byte[].class,
                business), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(appointment).contains("BEGIN:VEVENT", "T090000", "T093000", "TZID=Europe/Berlin", "LOCATION:https://video.example/test");
        mvc.perform(get("/konto/termine").with(user(business).roles("BUSINESS")))
                .andExpect(content().string(allOf(containsString(expert), containsString("E-Rechnung"))));
        mvc.perform(get("/admin/sprechtag").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(allOf(containsString(business), containsString("Wie stelle ich auf E-Rechnung um?"))));
        String other = accounts.create("BUSINESS", PASSWORD);
        mvc.perform(post("/konto/termine/buchen/" + slot).with(csrf()).with(user(other).roles("BUSINESS"))
                .param("topic", "WEBSITE").param("question", "Frage")).andExpect(status().isConflict());
        long booking = jdbc.queryForObject("SELECT id FROM consultation_booking WHERE slot_id = ?", Long.class, slot);
        mvc.perform(post("/konto/termine/" + booking + "/stornieren").with(csrf()).with(user(other).roles("BUSINESS")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/konto/termine/" + booking + "/stornieren").with(csrf()).with(user(business).roles("BUSINESS")))
                .andExpect(redirectedUrl("/konto/termine"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_booking WHERE slot_id = ?", Integer.class, slot)).isZero();
        mvc.perform(get("/konto/termine/buchen/999999999").with(user(business).roles("BUSINESS"))).andExpect(status().isNotFound());
    }

    @Test
    void tenBusinessesBookingTheSameSlotAtOnceGiveExactlyOneBooking() throws Exception {
        long slot = createSlots();
        List<String> businesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            businesses.add(accounts.create("BUSINESS", PASSWORD));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String business : businesses) {
                Callable<Boolean> task = () -> {
                    start.await();
                    return sprechtag.book(slot, business, Topic.WEBSITE, "Gleichzeitig");
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int booked = 0;
            for (Future<Boolean> result : results) {
                booked += result.get() ? 1 : 0;
            }
            assertThat(booked).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_booking WHERE slot_id = ?", Integer.class, slot)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingIsRefusedWithin24Hours() throws Exception {
        String business = accounts.create("BUSINESS", PASSWORD);
        LocalDateTime soon = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusHours(3).withSecond(0).withNano(0);
        day = soon.toLocalDate();
        // a day of its own only if none exists (demo days stay untouched)
        Long dayId = jdbc.queryForList("SELECT id FROM consultation_day WHERE day = ?", Long.class, day).stream().findFirst().orElse(null);
        boolean ownDay = dayId == null;
        if (ownDay) {
            dayId = jdbc.queryForObject("INSERT INTO consultation_day (day, meeting_url) VALUES (?, 'https://video.example/x') RETURNING id",
                    Long.class, day);
        } else {
            day = LocalDate.of(1999, 1, 1);
        }
        jdbc.update("INSERT INTO consultation_expert (name, organisation) VALUES (?, 'HWK')", expert);
        long expertId = jdbc.queryForObject("SELECT id FROM consultation_expert WHERE name = ?", Long.class, expert);
        long slot = jdbc.queryForObject("INSERT INTO consultation_slot (day_id, expert_id, starts_at) VALUES (?, ?, ?) RETURNING id",
                Long.class, dayId, expertId, soon);
        assertThat(sprechtag.book(slot, business, Topic.WEBSITE, "Bald")).isTrue();
        long booking = jdbc.queryForObject("SELECT id FROM consultation_booking WHERE slot_id = ?", Long.class, slot);
        assertThat(sprechtag.cancel(booking, business)).isEqualTo(SprechtagService.CancelResult.TOO_LATE);
    }

    @Test
    void aDayOrAnExpertWithABookingIsNotDeletedWithoutOneItIs() throws Exception {
        long slot = createSlots();
        long dayId = jdbc.queryForObject("SELECT id FROM consultation_day WHERE day = ?", Long.class, day);
        long expertId = jdbc.queryForObject("SELECT id FROM consultation_expert WHERE name = ?", Long.class, expert);
        String business = accounts.create("BUSINESS", PASSWORD);
        assertThat(sprechtag.book(slot, business, Topic.WEBSITE, "Brauche ich eine neue Website?")).isTrue();

        mvc.perform(get("/admin/sprechtag").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(allOf(containsString("1 Buchung"),
                        not(containsString("/admin/sprechtag/tage/" + dayId + "/loeschen")),
                        not(containsString("/admin/sprechtag/experten/" + expertId + "/loeschen")))));
        mvc.perform(post("/admin/sprechtag/tage/" + dayId + "/loeschen").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(redirectedUrl("/admin/sprechtag")).andExpect(flash().attribute("failure", "sprechtag.admin.dayBooked"));
        mvc.perform(post("/admin/sprechtag/experten/" + expertId + "/loeschen").with(csrf())
                        .with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(redirectedUrl("/admin/sprechtag")).andExpect(flash().attribute("failure", "sprechtag.admin.expertBooked"));
        // the flash key shown after the redirect, in German
        assertThat(messages.getMessage("sprechtag.admin.dayBooked", null, Locale.GERMAN))
                .startsWith("Dieser Sprechtag kann nicht gelöscht werden, weil schon ein Termin");
        assertThat(messages.getMessage("sprechtag.admin.expertBooked", null, Locale.GERMAN))
                .startsWith("Diese Fachperson kann nicht gelöscht werden, weil schon ein Termin");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_slot WHERE day_id = ?", Integer.class, dayId)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_expert WHERE id = ?", Integer.class, expertId)).isEqualTo(1);

        long booking = jdbc.queryForObject("SELECT id FROM consultation_booking WHERE slot_id = ?", Long.class, slot);
        assertThat(sprechtag.cancel(booking, business)).isEqualTo(SprechtagService.CancelResult.CANCELLED);
        deletedAuditIds.add("Tag " + dayId);
        deletedAuditIds.add("Experte " + expertId);
        deletedSlots.addAll(jdbc.queryForList("SELECT id FROM consultation_slot WHERE day_id = ?", Long.class, dayId));
        mvc.perform(post("/admin/sprechtag/tage/" + dayId + "/loeschen").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(redirectedUrl("/admin/sprechtag")).andExpect(flash().attribute("success", "sprechtag.admin.dayDeleted"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_slot WHERE day_id = ?", Integer.class, dayId)).isZero();
        mvc.perform(post("/admin/sprechtag/experten/" + expertId + "/loeschen").with(csrf())
                        .with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(redirectedUrl("/admin/sprechtag")).andExpect(flash().attribute("success", "sprechtag.admin.expertDeleted"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_expert WHERE id = ?", Integer.class, expertId)).isZero();
        assertThat(jdbc.queryForList("SELECT entity_id FROM audit_entry WHERE entity_type = 'Sprechtag' AND action = 'DELETED' "
                + "AND entity_id IN (?, ?) AND actor = 'redaktion@test.example'", String.class, "Tag " + dayId, "Experte " + expertId))
                .containsExactlyInAnyOrder("Tag " + dayId, "Experte " + expertId);

        for (String path : List.of("/admin/sprechtag/tage/" + dayId + "/loeschen", "/admin/sprechtag/experten/" + expertId + "/loeschen")) {
            mvc.perform(post(path).with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isNotFound());
        }
    }

    @Test
    void staffSeeEachExpertsBookingsOnOnePageAndKeepTheirEmailAddress() throws Exception {
        mvc.perform(post("/admin/sprechtag/experten").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))
                        .param("name", expert).param("organisation", "HWK").param("email", "kein Mail"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"email-error\""), containsString("gültige E-Mail-Adresse der Fachperson"),
                        containsString("value=\"" + expert + "\""), containsString("value=\"HWK\""))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consultation_expert WHERE name = ?", Integer.class, expert)).isZero();
        long slot = createSlots();
        long expertId = jdbc.queryForObject("SELECT id FROM consultation_expert WHERE name = ?", Long.class, expert);
        String business = accounts.create("BUSINESS", PASSWORD);
        assertThat(sprechtag.book(slot, business, Topic.E_RECHNUNG, "Welches Format für die E-Rechnung?")).isTrue();
        // the booking account owns a listing: its name stands next to the account on the expert's page
        String listing = "test-sprechtag-" + UUID.randomUUID().toString().substring(0, 8);
        TestListings.ownedBy(jdbc, business, listing, "Schreinerei Sprechtag-Test", "handwerk", "Hochstraße 2", "PENDING");

        String page = "/admin/sprechtag/experten/" + expertId;
        mvc.perform(get("/admin/sprechtag").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(containsString("href=\"" + page + "\"")));
        mvc.perform(get(page).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Buchungen von " + expert),
                        containsString(day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))),
                        containsString("09:00 bis 09:30"), containsString(business), containsString("E-Rechnung"),
                        containsString("Welches Format für die E-Rechnung?"), containsString("keine angegeben"),
                        containsString("Schreinerei Sprechtag-Test"))));
        jdbc.update("DELETE FROM business WHERE slug = ?", listing);

        mvc.perform(post(page).with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("email", "kein Mail"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(containsString("id=\"email-error\""),
                        containsString("Bitte geben Sie eine gültige E-Mail-Adresse ein"))));
        mvc.perform(post(page).with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("email", " anna@hwk.example "))
                .andExpect(redirectedUrl(page));
        assertThat(jdbc.queryForObject("SELECT email FROM consultation_expert WHERE id = ?", String.class, expertId))
                .isEqualTo("anna@hwk.example");
        mvc.perform(get(page).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(containsString("anna@hwk.example")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Sprechtag' AND entity_id = ? "
                + "AND action = 'CHANGED' AND changes->'email'->>'after' = 'anna@hwk.example'", Integer.class, "Experte " + expertId))
                .isEqualTo(1);
        mvc.perform(post(page).with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR")).param("email", ""))
                .andExpect(redirectedUrl(page));
        assertThat(jdbc.queryForObject("SELECT email FROM consultation_expert WHERE id = ?", String.class, expertId)).isNull();

        mvc.perform(get("/admin/sprechtag/experten/999999999").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/sprechtag/experten/999999999").with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"))
                .param("email", "a@b.example")).andExpect(status().isNotFound());
    }
}
