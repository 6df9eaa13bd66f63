package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.account.TestAccounts;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import de.stadtportal.PortalTest;
import de.stadtportal.events.domain.Event;
import de.stadtportal.events.domain.EventCatalog;
import de.stadtportal.events.domain.EventEditingService;
import de.stadtportal.events.domain.RegistrationService;
import de.stadtportal.events.domain.RegistrationService.Registrant;
import de.stadtportal.events.domain.RegistrationService.RegistrationOutcome;
import de.stadtportal.events.domain.Recurrences;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.xml.sax.InputSource;

/** Events: series across the change of summer time, feeds in two parsers, registration that never overbooks. */
@PortalTest
class EventsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** First Wednesday of September 2027; summer time ends on 31 October 2027. */
    static final LocalDateTime SERIES_START = LocalDateTime.of(2027, 9, 1, 8, 0);
    static final LocalDate CANCELLED_DAY = LocalDate.of(2027, 11, 3);

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

    @BeforeEach
    void setUp() {
        testEvents = new TestEvents(editing, jdbc);
    }

    @AfterEach
    void cleanUp() {
        testEvents.deleteAll();
    }

    private Event series(String slug, Integer capacity) {
        long id = testEvents.create(slug, "Handwerker-Frühstück Test", "handwerk", SERIES_START, SERIES_START.plusMinutes(90),
                "FREQ=MONTHLY;BYDAY=1WE", Set.of(CANCELLED_DAY), capacity);
        return events.find(id).orElseThrow();
    }

    @Test
    void monthlySeriesStaysAtEightLocalTimeAcrossTheEndOfSummerTimeAndSkipsTheCancelledDate() {
        Event event = series(TestEvents.slug(), null);
        List<LocalDateTime> starts = Recurrences.starts(event, LocalDateTime.of(2027, 9, 1, 0, 0), LocalDateTime.of(2028, 1, 1, 0, 0));
        assertThat(starts).containsExactly(LocalDateTime.of(2027, 9, 1, 8, 0), LocalDateTime.of(2027, 10, 6, 8, 0),
                LocalDateTime.of(2027, 12, 1, 8, 0));
        // in UTC: 06:00 in summer time, 07:00 in winter time
        assertThat(starts.get(1).atZone(BERLIN).withZoneSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(6);
        assertThat(starts.get(2).atZone(BERLIN).withZoneSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(7);
        assertThat(Recurrences.isDate(event, LocalDateTime.of(2027, 11, 3, 8, 0))).isFalse();
        assertThat(Recurrences.isDate(event, LocalDateTime.of(2027, 10, 6, 8, 0))).isTrue();
        assertThat(Recurrences.isDate(event, LocalDateTime.of(2027, 10, 7, 8, 0))).isFalse();
    }

    @Test
    void eventFeedParsesAndValidatesInIcal4jAndBiweeklyWithTheRightLocalTimes() throws Exception {
        String slug = TestEvents.slug();
        Event event = series(slug, 20);
        String ics = mvc.perform(get("/veranstaltungen/" + slug + ".ics")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString();
        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "UID:event-" + event.id() + "@stadtportal",
                "RRULE:FREQ=MONTHLY;BYDAY=1WE", "DTSTART;TZID=Europe/Berlin:20270901T080000", "EXDATE;TZID=Europe/Berlin:20271103T080000");

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        net.fortuna.ical4j.model.component.VEvent vevent = calendar.getComponent("VEVENT").map(c -> (net.fortuna.ical4j.model.component.VEvent) c).orElseThrow();
        List<ZonedDateTime> ical4jStarts = new ArrayList<>();
        for (Period<ZonedDateTime> period : vevent.<ZonedDateTime>calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(2027, 8, 1, 0, 0, 0, 0, BERLIN), ZonedDateTime.of(2028, 1, 1, 0, 0, 0, 0, BERLIN)))) {
            ical4jStarts.add(period.getStart().withZoneSameInstant(BERLIN));
        }
        ical4jStarts.sort(Comparator.naturalOrder());
        assertThat(ical4jStarts).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                LocalDateTime.of(2027, 9, 1, 8, 0), LocalDateTime.of(2027, 10, 6, 8, 0), LocalDateTime.of(2027, 12, 1, 8, 0));

        ICalendar second = Biweekly.parse(ics).first();
        assertThat(second.getEvents()).hasSize(1);
        VEvent other = second.getEvents().get(0);
        assertThat(other.getUid().getValue()).isEqualTo("event-" + event.id() + "@stadtportal");
        assertThat(other.getSummary().getValue()).isEqualTo("Handwerker-Frühstück Test");
        List<LocalDateTime> biweeklyStarts = new ArrayList<>();
        DateIterator dates = other.getDateIterator(TimeZone.getTimeZone(BERLIN));
        while (dates.hasNext() && biweeklyStarts.size() < 4) {
            biweeklyStarts.add(dates.next().toInstant().atZone(BERLIN).toLocalDateTime());
        }
        assertThat(biweeklyStarts).containsExactly(LocalDateTime.of(2027, 9, 1, 8, 0), LocalDateTime.of(2027, 10, 6, 8, 0),
                LocalDateTime.of(2027, 12, 1, 8, 0), LocalDateTime.of(2028, 1, 5, 8, 0));
    }

    @Test
    void allEventsFeedAndCategoryFeedParse() throws Exception {
        series(TestEvents.slug(), null);
        LocalDateTime tomorrow = LocalDate.now(BERLIN).plusDays(1).atTime(10, 0);
        testEvents.create(TestEvents.slug(), "Handwerker-Frühstück Test", "handwerk", tomorrow, tomorrow.plusHours(1), null,
                Set.of(), null);
        for (String path : List.of("/veranstaltungen.ics", "/veranstaltungen.ics?kategorie=handwerk")) {
            String ics = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            calendar.validate();
            assertThat(Biweekly.parse(ics).first()).isNotNull();
        }
        mvc.perform(get("/veranstaltungen.ics?kategorie=gibt-es-nicht")).andExpect(status().isNotFound());
        String atom = mvc.perform(get("/veranstaltungen.atom")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(atom)));
        assertThat(document.getDocumentElement().getLocalName() == null ? document.getDocumentElement().getTagName()
                : document.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(atom).contains("Handwerker-Frühstück Test").contains("&lt;/script&gt; und &amp; Co.");
    }

    @Test
    void pagesShowListMonthDetailWithJsonLdAndRejectBadInput() throws Exception {
        String slug = TestEvents.slug();
        series(slug, 20);
        mvc.perform(get("/veranstaltungen").param("q", "Handwerker-Frühstück Test"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(slug)));
        mvc.perform(get("/veranstaltungen").param("kategorie", "fairtrade").param("q", "Handwerker-Frühstück Test"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(slug))));
        mvc.perform(get("/veranstaltungen").param("ansicht", "monat").param("monat", "2027-10"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("08:00 Handwerker-Frühstück Test"),
                        containsString("Oktober 2027"))));
        mvc.perform(get("/veranstaltungen").param("ansicht", "monat").param("monat", "2027-11"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Handwerker-Frühstück Test"))));
        mvc.perform(get("/veranstaltungen").param("ansicht", "monat").param("monat", "kaputt")).andExpect(status().isBadRequest());
        mvc.perform(get("/veranstaltungen").param("kategorie", "<script>")).andExpect(status().isBadRequest());
        mvc.perform(get("/veranstaltungen/archiv")).andExpect(status().isOk());
        mvc.perform(get("/veranstaltungen/gibt-es-nicht")).andExpect(status().isNotFound());
        mvc.perform(get("/veranstaltungen/gibt-es-nicht.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/veranstaltungen/" + slug)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("\"@type\":\"Event\""), containsString("\\u003c/script\\u003e"),
                        containsString("\"startDate\":\"2027-09-01T08:00+02:00\""), containsString("Kulturzentrum August Everding"),
                        containsString("\"exceptDate\":[\"2027-11-03\"]"), not(containsString("</script> und")))));
    }

    /**
     * The event's page has no form, so every visitor gets the same page from the cache; the form with
     * its CSRF token (which opens a session) is on a page of its own, preselecting a date from the table.
     */
    @Test
    void theEventPageLinksToARegistrationPageOfItsOwnAndStaysCacheable() throws Exception {
        String slug = TestEvents.slug();
        series(slug, 20);
        mvc.perform(get("/veranstaltungen/" + slug)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=60"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(content().string(allOf(not(containsString("<form class=\"form\" method=\"post\"")),
                        containsString("href=\"/veranstaltungen/" + slug + "/anmeldung\""),
                        containsString("href=\"/veranstaltungen/" + slug + "/anmeldung?termin=2027-10-06T08:00\""))));
        mvc.perform(get("/veranstaltungen/" + slug + "/anmeldung").param("termin", "2027-10-06T08:00")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().string(allOf(containsString("Anmelden: Handwerker-Frühstück Test"),
                        containsString("name=\"_csrf\""), containsString("value=\"2027-10-06T08:00\" selected=\"selected\""))));
        mvc.perform(get("/veranstaltungen/" + slug + "/anmeldung").param("termin", "kaputt")).andExpect(status().isBadRequest());
        String without = TestEvents.slug();
        series(without, null);
        mvc.perform(get("/veranstaltungen/" + without + "/anmeldung")).andExpect(status().isNotFound());
        mvc.perform(get("/veranstaltungen/gibt-es-nicht/anmeldung")).andExpect(status().isNotFound());
    }

    @Test
    void registrationFormValidatesAndConfirmsByMailWithCancelLink() throws Exception {
        String slug = TestEvents.slug();
        series(slug, 20);
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "2027-11-03T08:00")
                        .param("name", "").param("email", "kein-mail").param("people", "11"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Für diesen Termin ist keine Anmeldung möglich"),
                        containsString("Anmelden: Handwerker-Frühstück Test"),
                        containsString("Bitte füllen Sie dieses Feld aus."), containsString("gültige E-Mail-Adresse"),
                        containsString("von 1 bis 10 Personen"))));
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "kaputt")
                        .param("name", "Erika").param("email", "erika@test.example").param("people", "zwei"))
                .andExpect(status().isBadRequest());
        String email = "anmeldung-" + slug + "@test.example";
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "2027-10-06T08:00")
                        .param("name", "Erika Mustermann").param("email", email).param("organisation", "Tischlerei")
                        .param("people", "2"))
                .andExpect(redirectedUrl("/veranstaltungen/" + slug));
        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ?", String.class, email);
        assertThat(body).contains("06.10.2027, 08:00", "/veranstaltungen/" + slug + ".ics", "/veranstaltungen/abmelden?token=");
        // the registered date rides along as a calendar file that parses and validates
        byte[] attachment = jdbc.queryForObject("SELECT attachment FROM outbox_mail WHERE recipient = ?", byte[].class, email);
        Calendar appointment = new CalendarBuilder().build(new StringReader(new String(attachment, java.nio.charset.StandardCharsets.UTF_8)));
        appointment.validate();
        net.fortuna.ical4j.model.component.VEvent date = appointment.getComponent("VEVENT")
                .map(c -> (net.fortuna.ical4j.model.component.VEvent) c).orElseThrow();
        assertThat(date.getDateTimeStart().getValue()).isEqualTo("20271006T080000");
        assertThat(date.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(date.getUid().orElseThrow().getValue()).endsWith("-20271006T0800@stadtportal");
        assertThat(Biweekly.parse(new String(attachment, java.nio.charset.StandardCharsets.UTF_8)).first().getEvents()).hasSize(1);
        String token = body.replaceAll("(?s).*abmelden\\?token=([A-Za-z0-9_-]+).*", "$1");
        mvc.perform(get("/veranstaltungen/abmelden").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Handwerker-Frühstück Test")));
        mvc.perform(get("/veranstaltungen/abmelden").param("token", "falsch")).andExpect(status().isNotFound());
        mvc.perform(post("/veranstaltungen/abmelden").with(csrf()).param("token", token)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT status FROM event_registration WHERE email = ?", String.class, email))
                .isEqualTo("CANCELLED");
        mvc.perform(post("/veranstaltungen/gibt-es-nicht/anmeldung").with(csrf()).param("date", "2027-10-06T08:00")
                .param("name", "X").param("email", "x@test.example").param("people", "1")).andExpect(status().isNotFound());
    }

    /** The same address twice for one date: refused next to the field, input kept, the cancel link mailed again. */
    @Test
    void oneAddressRegistersOncePerDateAndGetsItsCancelLinkAgain() throws Exception {
        String slug = TestEvents.slug();
        series(slug, 20);
        String email = "doppelt-" + slug + "@test.example";
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "2027-10-06T08:00")
                .param("name", "Erika Mustermann").param("email", email).param("people", "1"))
                .andExpect(redirectedUrl("/veranstaltungen/" + slug));
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "2027-10-06T08:00")
                        .param("name", "Erika M.").param("email", " " + email.toUpperCase() + " ").param("people", "3"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"email-error\""), containsString("schon jemand für diesen Termin"),
                        containsString("value=\"Erika M.\""))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_registration WHERE email = ?", Integer.class, email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT booked FROM event_occurrence o JOIN event e ON e.id = o.event_id "
                + "WHERE e.slug = ? AND o.starts_at = '2027-10-06T08:00'", Integer.class, slug)).isEqualTo(1);
        List<String> bodies = jdbc.queryForList("SELECT body FROM outbox_mail WHERE recipient = ? ORDER BY id", String.class, email);
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1)).contains("bereits eine Anmeldung", "/veranstaltungen/abmelden?token=");
        // the newly mailed link works, the first one no longer does
        String first = bodies.get(0).replaceAll("(?s).*abmelden\\?token=([A-Za-z0-9_-]+).*", "$1");
        String again = bodies.get(1).replaceAll("(?s).*abmelden\\?token=([A-Za-z0-9_-]+).*", "$1");
        mvc.perform(get("/veranstaltungen/abmelden").param("token", first)).andExpect(status().isNotFound());
        mvc.perform(get("/veranstaltungen/abmelden").param("token", again)).andExpect(status().isOk());
        // another date of the same series is a new registration
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "2027-12-01T08:00")
                .param("name", "Erika Mustermann").param("email", email).param("people", "1"))
                .andExpect(redirectedUrl("/veranstaltungen/" + slug));
    }

    @Test
    void twentyConcurrentRegistrationsForFivePlacesConfirmExactlyFiveAndCancellationMovesTheNextUp() throws Exception {
        String slug = TestEvents.slug();
        Event event = series(slug, 5);
        LocalDateTime date = LocalDateTime.of(2027, 10, 6, 8, 0);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RegistrationOutcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                int n = i;
                Callable<RegistrationOutcome> task = () -> {
                    start.await();
                    return registrations.register(event, date, new Registrant("Person " + n, "p" + n + "-" + slug + "@test.example", null, 1));
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<RegistrationOutcome> outcomes = new ArrayList<>();
            for (Future<RegistrationOutcome> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(RegistrationOutcome::confirmed).hasSize(5);
            assertThat(outcomes).filteredOn(o -> !o.confirmed()).hasSize(15);
            assertThat(jdbc.queryForObject("SELECT booked FROM event_occurrence WHERE event_id = ?", Integer.class, event.id())).isEqualTo(5);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_registration r JOIN event_occurrence o ON o.id = r.occurrence_id "
                    + "WHERE o.event_id = ? AND r.status = 'CONFIRMED'", Integer.class, event.id())).isEqualTo(5);

            RegistrationOutcome cancelled = outcomes.stream().filter(RegistrationOutcome::confirmed).findFirst().orElseThrow();
            assertThat(registrations.cancelRegistration(cancelled.token())).isTrue();
            assertThat(registrations.cancelRegistration(cancelled.token())).isFalse();
            long firstWaiting = outcomes.stream().filter(o -> !o.confirmed()).mapToLong(RegistrationOutcome::id).min().orElseThrow();
            assertThat(jdbc.queryForObject("SELECT status FROM event_registration WHERE id = ?", String.class, firstWaiting))
                    .isEqualTo("CONFIRMED");
            String movedUp = jdbc.queryForObject("SELECT email FROM event_registration WHERE id = ?", String.class, firstWaiting);
            // the waiting-list mail and the one that says the place is now confirmed
            assertThat(jdbc.queryForList("SELECT subject FROM outbox_mail WHERE recipient = ?", String.class, movedUp))
                    .hasSize(2).allMatch(s -> s.contains("Handwerker-Frühstück Test"));
            assertThat(jdbc.queryForObject("SELECT booked FROM event_occurrence WHERE event_id = ?", Integer.class, event.id())).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(LocalTime.of(8, 0)).isEqualTo(date.toLocalTime());
    }

    @Test
    void handwerkPageNamesThePartnersAndTheNextBreakfastAndPagesExistInEnglish() throws Exception {
        String slug = TestEvents.slug();
        LocalDateTime tomorrow = LocalDate.now(BERLIN).plusDays(1).atTime(8, 0);
        testEvents.create(slug, "Handwerker-Frühstück extra", "handwerk", tomorrow, tomorrow.plusMinutes(90), null, Set.of(), 10);
        mvc.perform(get("/handwerk")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Handwerkskammer Münster"), containsString("Kreishandwerkerschaft Emscher-Lippe-West"),
                containsString("Agentur für Arbeit Gelsenkirchen"), containsString("Jobcenter Arbeit für Bottrop"),
                containsString("/veranstaltungen/" + slug))));
        mvc.perform(get("/handwerk").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("The partners of the cooperation")));
        mvc.perform(get("/sprechtag")).andExpect(status().isOk());
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Nächste Termine"),
                containsString("/veranstaltungen/" + slug))));
        mvc.perform(get("/veranstaltungen").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("upcoming dates")));
        mvc.perform(get("/veranstaltungen/" + slug).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Register")));
    }

    /** Each language writes dates its own way: "Mittwoch, 6. Oktober 2027" but "Wednesday 6 October 2027". */
    @Test
    void datesFollowThePatternOfThePagesLanguage() throws Exception {
        String slug = TestEvents.slug();
        series(slug, 20);
        mvc.perform(get("/veranstaltungen/" + slug)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mittwoch, 6. Oktober 2027")));
        mvc.perform(get("/en/veranstaltungen/" + slug)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Wednesday 6 October 2027"),
                        not(containsString("Wednesday, 6. October")))));
    }

    @Test
    void badInputGetsA4xxPageNeverA500() throws Exception {
        String slug = TestEvents.slug();
        series(slug, null);
        mvc.perform(get("/veranstaltungen").param("ansicht", "monat").param("monat", "2026-13")).andExpect(status().isBadRequest());
        mvc.perform(get("/veranstaltungen").param("ansicht", "monat").param("monat", "9999-01")).andExpect(status().isBadRequest());
        mvc.perform(get("/veranstaltungen").param("q", "x".repeat(5000))).andExpect(status().isOk());
        mvc.perform(get("/veranstaltungen").param("q", "100%_\\")).andExpect(status().isOk());
        mvc.perform(get("/veranstaltungen/abmelden")).andExpect(status().isNotFound());
        mvc.perform(post("/veranstaltungen/abmelden").with(csrf()).param("token", "x".repeat(500))).andExpect(status().isNotFound());
        // an event without registration
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf()).param("date", "2027-10-06T08:00")
                .param("name", "X").param("email", "x@test.example").param("people", "1")).andExpect(status().isConflict());
        mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").param("date", "2027-10-06T08:00")).andExpect(status().isForbidden());
        mvc.perform(get("/konto/termine/buchen/abc").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user("b@test.example").roles("BUSINESS"))).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/sprechtag/termine").with(csrf()).param("dayId", "abc").with(TestAccounts.staff("r@test.example", "EDITOR")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void oneAddressCannotFloodTheRegistrationForm() throws Exception {
        String slug = TestEvents.slug();
        series(slug, 20);
        int status = 0;
        String page = "";
        for (int i = 0; i < 40 && status != 429; i++) {
            var response = mvc.perform(post("/veranstaltungen/" + slug + "/anmeldung").with(csrf())
                    .with(r -> { r.setRemoteAddr("192.0.2.77"); return r; })
                    .param("date", "2027-10-06T08:00").param("name", "Flut " + i).param("email", "x@test.example").param("people", "x"))
                    .andReturn().getResponse();
            status = response.getStatus();
            page = response.getContentAsString();
        }
        assertThat(status).isEqualTo(429);
        // what was typed is still in the form
        assertThat(page).contains("Bitte versuchen Sie es später noch einmal", "value=\"Flut ");
    }
}
