package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.account.TestAccounts;
import java.time.LocalDateTime;
import java.util.Set;

import de.stadtportal.PortalTest;
import de.stadtportal.events.domain.Event;
import de.stadtportal.events.domain.EventCatalog;
import de.stadtportal.events.domain.EventEditingService;
import de.stadtportal.events.domain.RegistrationService;
import de.stadtportal.events.domain.RegistrationService.Registrant;
import de.stadtportal.events.domain.Recurrences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff create, change and cancel events; registrations as list, CSV and check-in list; every change in the audit log. */
@PortalTest
class AdminEventsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventCatalog events;


    @Autowired

    RegistrationService registrations;



    @Autowired


    EventEditingService editing;

    TestEvents testEvents;
    String slug;

    @BeforeEach
    void setUp() {
        testEvents = new TestEvents(editing, jdbc);
        slug = TestEvents.slug();
    }

    @AfterEach
    void cleanUp() {
        events.find(slug).ifPresent(e -> testEvents.track(e.id()));
        testEvents.deleteAll();
    }

    /** The form with valid defaults; pairs of name and value replace single fields. */
    private MockHttpServletRequestBuilder form(String path, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", "Fairer Kaffee-Workshop");
        fields.put("slug", slug);
        fields.put("category", "fairtrade");
        fields.put("description", "Verkostung");
        fields.put("date", "2027-10-20");
        fields.put("startTime", "18:00");
        fields.put("endTime", "20:00");
        fields.put("placeName", "Weltladen");
        fields.put("city", "Bottrop");
        fields.put("organiser", "Fairtrade-Steuerungsgruppe");
        fields.put("capacity", "2");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(TestAccounts.staff("redaktion@test.example", "EDITOR"));
        fields.forEach(request::param);
        return request;
    }

    @Test
    void englishPagesShowStaffsEnglishTitleAndDescriptionElseTheGermanMarkedAsGerman() throws Exception {
        mvc.perform(get("/admin/veranstaltungen/neu").with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(allOf(containsString("name=\"titleEn\""), containsString("name=\"descriptionEn\""))));
        mvc.perform(form("/admin/veranstaltungen/neu", "description", "Verkostung im Weltladen")).andExpect(status().is3xxRedirection());
        // no English written: the German title and text, marked as German; the category has its English name
        mvc.perform(get("/en/veranstaltungen/" + slug)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("<h1 lang=\"de\">Fairer Kaffee-Workshop</h1>"),
                containsString("<p class=\"description\" lang=\"de\">Verkostung im Weltladen</p>"))));
        mvc.perform(get("/en/veranstaltungen").param("kategorie", "fairtrade")).andExpect(content().string(containsString("lang=\"de\">Fairer Kaffee-Workshop</a>")));

        long id = events.find(slug).orElseThrow().id();
        mvc.perform(form("/admin/veranstaltungen/" + id, "description", "Verkostung im Weltladen", "titleEn", "Fair coffee workshop",
                "descriptionEn", "Tasting at the <b>world shop</b>")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/en/veranstaltungen/" + slug)).andExpect(content().string(allOf(
                containsString("<h1>Fair coffee workshop</h1>"),
                containsString("<p class=\"description\">Tasting at the &lt;b&gt;world shop&lt;/b&gt;</p>"))));
        mvc.perform(get("/en/veranstaltungen").param("kategorie", "fairtrade")).andExpect(content().string(containsString(">Fair coffee workshop</a>")));
        // the German page stays German
        mvc.perform(get("/veranstaltungen/" + slug)).andExpect(content().string(allOf(
                containsString("<h1>Fairer Kaffee-Workshop</h1>"), containsString("Verkostung im Weltladen"))));
        // the editor shows what was saved; too long or two lines come back next to the field
        mvc.perform(get("/admin/veranstaltungen/" + id).with(TestAccounts.staff("redaktion@test.example", "EDITOR")))
                .andExpect(content().string(containsString("value=\"Fair coffee workshop\"")));
        mvc.perform(form("/admin/veranstaltungen/" + id, "titleEn", "x".repeat(5000))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"titleEn-error\"")));
        mvc.perform(form("/admin/veranstaltungen/" + id, "titleEn", "two\nlines")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"titleEn-error\"")));
        // a tab is no more a title than a line break is, in either language
        mvc.perform(form("/admin/veranstaltungen/" + id, "titleEn", "Fair\tcoffee")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"titleEn-error\"")));
        mvc.perform(form("/admin/veranstaltungen/" + id, "title", "Fairer\nKaffee")).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString("value=\"Fairer\nKaffee\""))));
    }

    @Test
    void staffCreateEditExportAndCancelAndEveryoneRegisteredIsTold() throws Exception {
        mvc.perform(form("/admin/veranstaltungen/neu")).andExpect(status().is3xxRedirection());
        Event event = events.find(slug).orElseThrow();
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE entity_type = 'Veranstaltung' AND entity_id = ? "
                + "AND action = 'CREATED'", String.class, String.valueOf(event.id()))).isEqualTo("redaktion@test.example");

        mvc.perform(form("/admin/veranstaltungen/" + event.id(), "title", "Fairer Kaffee-Workshop neu"))
                .andExpect(status().is3xxRedirection());
        assertThat(events.find(slug).orElseThrow().title()).isEqualTo("Fairer Kaffee-Workshop neu");

        LocalDateTime date = LocalDateTime.of(2027, 10, 20, 18, 0);
        registrations.register(event, date, new Registrant("Anna", "anna-" + slug + "@test.example", "=HYPERLINK(\"x\")", 2));
        registrations.register(event, date, new Registrant("Ben", "ben-" + slug + "@test.example", null, 1));
        mvc.perform(get("/admin/veranstaltungen/" + event.id() + "/anmeldungen").with(TestAccounts.staff("r@test.example", "EDITOR")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Anna"), containsString("Warteliste"))));
        String csv = mvc.perform(get("/admin/veranstaltungen/" + event.id() + "/anmeldungen.csv").with(TestAccounts.staff("r@test.example", "EDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("Termin,Status,Name", "2027-10-20 18:00,CONFIRMED,Anna", "WAITING,Ben", "'=HYPERLINK");
        mvc.perform(get("/admin/veranstaltungen/" + event.id() + "/einlass").param("termin", "2027-10-20T18:00")
                .with(TestAccounts.staff("r@test.example", "EDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Anna"), org.hamcrest.Matchers.not(containsString("Ben")))));
        mvc.perform(get("/admin/veranstaltungen/" + event.id() + "/einlass").param("termin", "kaputt")
                .with(TestAccounts.staff("r@test.example", "EDITOR"))).andExpect(status().isBadRequest());

        // cancelling asks first and names how many will be mailed; a POST without the confirmation only leads there
        mvc.perform(get("/admin/veranstaltungen/" + event.id() + "/absagen").with(TestAccounts.staff("r@test.example", "EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 Anmeldungen für kommende Termine erhalten eine E-Mail"),
                        containsString("name=\"confirmed\""))));
        mvc.perform(post("/admin/veranstaltungen/" + event.id() + "/absagen").with(csrf()).with(TestAccounts.staff("r@test.example", "EDITOR")))
                .andExpect(redirectedUrl("/admin/veranstaltungen/" + event.id() + "/absagen"));
        assertThat(events.find(slug).orElseThrow().cancelled()).isFalse();
        mvc.perform(post("/admin/veranstaltungen/" + event.id() + "/absagen").with(csrf()).with(TestAccounts.staff("r@test.example", "EDITOR"))
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(events.find(slug).orElseThrow().cancelled()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient IN (?, ?) AND body LIKE '%absagen%'",
                Integer.class, "anna-" + slug + "@test.example", "ben-" + slug + "@test.example")).isEqualTo(2);
        mvc.perform(get("/veranstaltungen/" + slug)).andExpect(content().string(containsString("abgesagt")));
    }

    @Test
    void aMovedDateOfASeriesTakesItsRegistrationsAlongAndShowsInTheFeedAtItsNewTime() throws Exception {
        mvc.perform(form("/admin/veranstaltungen/neu", "date", "2027-09-01", "startTime", "08:00", "endTime", "09:30",
                "rrule", "FREQ=MONTHLY;BYDAY=1WE", "capacity", "10")).andExpect(status().is3xxRedirection());
        Event event = events.find(slug).orElseThrow();
        String email = "verschoben-" + slug + "@test.example";
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "2027-10-06T08:00")
                .param("name", "Vera Verschoben").param("email", email).param("people", "1")).andExpect(status().is3xxRedirection());

        mvc.perform(form("/admin/veranstaltungen/" + event.id(), "date", "2027-09-01", "startTime", "08:00", "endTime", "09:30",
                        "rrule", "FREQ=MONTHLY;BYDAY=1WE", "capacity", "10", "moves", "2027-10-06 2027-10-08"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("drei Angaben")));
        mvc.perform(form("/admin/veranstaltungen/" + event.id(), "date", "2027-09-01", "startTime", "08:00", "endTime", "09:30",
                        "rrule", "FREQ=MONTHLY;BYDAY=1WE", "capacity", "10", "moves", "2027-10-06 2027-10-08 09:00"))
                .andExpect(status().is3xxRedirection());

        Event moved = events.find(event.id()).orElseThrow();
        assertThat(Recurrences.starts(moved, LocalDateTime.of(2027, 9, 1, 0, 0), LocalDateTime.of(2027, 12, 31, 0, 0)))
                .containsExactly(LocalDateTime.of(2027, 9, 1, 8, 0), LocalDateTime.of(2027, 10, 8, 9, 0),
                        LocalDateTime.of(2027, 11, 3, 8, 0), LocalDateTime.of(2027, 12, 1, 8, 0));
        // the registration now belongs to the new time, and its owner knows
        assertThat(jdbc.queryForObject("""
                SELECT o.starts_at FROM event_registration r JOIN event_occurrence o ON o.id = r.occurrence_id
                WHERE r.email = ?""", LocalDateTime.class, email)).isEqualTo(LocalDateTime.of(2027, 10, 8, 9, 0));
        assertThat(jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? AND subject LIKE 'Termin verschoben%'",
                String.class, email)).contains("06.10.2027, 08:00", "08.10.2027, 09:00");

        String ics = mvc.perform(get("/veranstaltungen/" + slug + ".ics")).andReturn().getResponse().getContentAsString();
        assertThat(ics).contains("RDATE;TZID=Europe/Berlin:20271008T090000", "EXDATE;TZID=Europe/Berlin:20271006T080000");
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics));
        calendar.validate();
        java.util.List<LocalDateTime> starts = new java.util.ArrayList<>();
        net.fortuna.ical4j.model.component.VEvent vevent = calendar.getComponent("VEVENT")
                .map(c -> (net.fortuna.ical4j.model.component.VEvent) c).orElseThrow();
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        for (var period : vevent.<java.time.ZonedDateTime>calculateRecurrenceSet(new net.fortuna.ical4j.model.Period<>(
                java.time.ZonedDateTime.of(2027, 9, 1, 0, 0, 0, 0, berlin), java.time.ZonedDateTime.of(2027, 11, 1, 0, 0, 0, 0, berlin)))) {
            starts.add(period.getStart().withZoneSameInstant(berlin).toLocalDateTime());
        }
        assertThat(starts).containsExactlyInAnyOrder(LocalDateTime.of(2027, 9, 1, 8, 0), LocalDateTime.of(2027, 10, 8, 9, 0));
        java.util.List<LocalDateTime> second = new java.util.ArrayList<>();
        var dates = biweekly.Biweekly.parse(ics).first().getEvents().get(0).getDateIterator(java.util.TimeZone.getTimeZone(berlin));
        while (dates.hasNext() && second.size() < 3) {
            second.add(dates.next().toInstant().atZone(berlin).toLocalDateTime());
        }
        assertThat(second).containsExactly(LocalDateTime.of(2027, 9, 1, 8, 0), LocalDateTime.of(2027, 10, 8, 9, 0),
                LocalDateTime.of(2027, 11, 3, 8, 0));
        jdbc.update("DELETE FROM outbox_mail WHERE recipient = ?", email);
    }

    @Test
    void badInputComesBackNextToTheFieldsAndUnknownIdsAre404() throws Exception {
        mvc.perform(form("/admin/veranstaltungen/neu", "slug", "Nicht Gültig", "date", "20.10.2027", "endTime", "17:00",
                        "rrule", "RRULE:FREQ=MONTHLY", "capacity", "viele", "category", "gibt-es-nicht", "exceptions", "morgen"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Bitte nur Kleinbuchstaben"),
                        containsString("Bitte wählen Sie ein Thema aus der Liste."), containsString("ganze Zahl von 1 bis 10000"),
                        containsString("im richtigen Format"))));
        mvc.perform(form("/admin/veranstaltungen/neu", "rrule", "FREQ=MONTHLY;BYDAY=1WE;COUNT=3;UNTIL=20280101T000000Z"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("UNTIL und COUNT")));
        mvc.perform(form("/admin/veranstaltungen/neu", "endTime", "17:00"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("nach dem Beginn")));
        mvc.perform(form("/admin/veranstaltungen/neu", "slug", "archiv"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("schon vergeben")));
        mvc.perform(get("/admin/veranstaltungen/999999999").with(TestAccounts.staff("r@test.example", "EDITOR"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/veranstaltungen/abc").with(TestAccounts.staff("r@test.example", "EDITOR"))).andExpect(status().is4xxClientError());
        mvc.perform(get("/admin/veranstaltungen").with(TestAccounts.staff("r@test.example", "EDITOR"))).andExpect(status().isOk());
        mvc.perform(get("/admin/veranstaltungen/neu").with(TestAccounts.staff("r@test.example", "EDITOR"))).andExpect(status().isOk());
        assertThat(events.find(slug)).isEmpty();
    }

    @Test
    void cancellingOneDateOfASeriesTellsThoseRegisteredForThatDate() throws Exception {
        LocalDateTime start = LocalDateTime.of(2027, 9, 1, 8, 0);
        long id = testEvents.create(slug, "Reihe", "handwerk", start, start.plusMinutes(90), "FREQ=MONTHLY;BYDAY=1WE", Set.of(), 10);
        Event event = events.find(id).orElseThrow();
        String email = "reihe-" + slug + "@test.example";
        registrations.register(event, LocalDateTime.of(2027, 10, 6, 8, 0), new Registrant("Carla", email, null, 1));
        mvc.perform(form("/admin/veranstaltungen/" + id, "title", "Reihe", "category", "handwerk", "date", "2027-09-01",
                        "startTime", "08:00", "endTime", "09:30", "rrule", "FREQ=MONTHLY;BYDAY=1WE", "exceptions", "2027-10-06",
                        "capacity", "10"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("SELECT subject FROM outbox_mail WHERE recipient = ?", String.class, email))
                .anyMatch(s -> s.startsWith("Termin abgesagt"));
        assertThat(jdbc.queryForObject("SELECT status FROM event_registration WHERE email = ?", String.class, email)).isEqualTo("CANCELLED");
    }
}
