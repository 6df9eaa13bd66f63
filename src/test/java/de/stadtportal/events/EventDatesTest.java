package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.stadtportal.PortalTest;
import de.stadtportal.events.domain.Event;
import de.stadtportal.events.domain.EventCatalog;
import de.stadtportal.events.domain.EventDates;
import de.stadtportal.events.domain.EventEditingService;
import de.stadtportal.events.domain.EventEditingService.EventData;
import de.stadtportal.events.domain.Occurrence;
import de.stadtportal.events.domain.Recurrences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dates of a series are stored when it is saved (V72's event_date), lists read them instead of
 * expanding the rule, and the coming dates kept in memory follow every change at once, also one
 * made by another instance or straight in the database.
 */
@PortalTest
class EventDatesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventCatalog catalog;

    @Autowired
    EventEditingService editing;

    @Autowired
    EventDates dates;

    TestEvents testEvents;

    @BeforeEach
    void setUp() {
        testEvents = new TestEvents(editing, jdbc);
    }

    @AfterEach
    void cleanUp() {
        testEvents.deleteAll();
    }

    /** A weekly series that began a week ago, at 10:00 local time. */
    private long weekly(String slug, String title, Set<LocalDate> exceptions) {
        LocalDateTime start = LocalDate.now(EventsTest.BERLIN).minusWeeks(1).atTime(10, 0);
        return testEvents.create(slug, title, "handwerk", start, start.plusHours(1), "FREQ=WEEKLY", exceptions, null);
    }

    private List<LocalDateTime> stored(long id) {
        return jdbc.queryForList("SELECT starts_at FROM event_date WHERE event_id = ? ORDER BY starts_at", LocalDateTime.class, id);
    }

    @Test
    void savingASeriesStoresItsDatesAsTheRuleExpandsThem() {
        long id = weekly(TestEvents.slug(), "Gespeicherte Termine", Set.of());
        Event event = catalog.find(id).orElseThrow();
        Map<String, Object> window = jdbc.queryForMap("SELECT dates_from, dates_until FROM event WHERE id = ?", id);
        LocalDateTime from = ((java.sql.Timestamp) window.get("dates_from")).toLocalDateTime();
        LocalDateTime until = ((java.sql.Timestamp) window.get("dates_until")).toLocalDateTime();
        assertThat(until).isAfter(LocalDateTime.now().plusMonths(35));
        assertThat(stored(id)).isEqualTo(Recurrences.starts(event, from, until)).hasSizeGreaterThan(150);

        // a single event needs no stored dates
        LocalDateTime tomorrow = LocalDate.now(EventsTest.BERLIN).plusDays(1).atTime(9, 0);
        long single = testEvents.create(TestEvents.slug(), "Einzeltermin", "handwerk", tomorrow, tomorrow.plusHours(1), null, Set.of(), null);
        assertThat(stored(single)).isEmpty();
    }

    @Test
    void editingACancelledDateOrTheRuleStoresTheDatesAgainAndTheListFollowsAtOnce() throws Exception {
        String slug = TestEvents.slug();
        long id = weekly(slug, "Wochentermin Test", Set.of());
        LocalDate nextWeek = LocalDate.now(EventsTest.BERLIN).plusWeeks(1);
        LocalDateTime nextWeekStart = nextWeek.atTime(10, 0);
        // the list is read (and kept in memory) before the change
        assertThat(catalog.upcoming("handwerk", null, LocalDateTime.now().plusMonths(12)))
                .extracting(Occurrence::localStart).contains(nextWeekStart);
        mvc.perform(get("/veranstaltungen")).andExpect(content().string(containsString("Wochentermin Test")));

        Event event = catalog.find(id).orElseThrow();
        editing.save(id, data(event, event.rrule(), Set.of(nextWeek)));
        assertThat(stored(id)).doesNotContain(nextWeekStart).contains(nextWeekStart.plusWeeks(1));
        assertThat(catalog.upcoming("handwerk", null, LocalDateTime.now().plusMonths(12)))
                .extracting(Occurrence::localStart).doesNotContain(nextWeekStart).contains(nextWeekStart.plusWeeks(1));

        // every second week now
        editing.save(id, data(event, "FREQ=WEEKLY;INTERVAL=2", Set.of()));
        List<LocalDateTime> starts = stored(id);
        assertThat(starts).contains(nextWeekStart).doesNotContain(nextWeekStart.plusWeeks(1));
        assertThat(catalog.upcoming(null, null, LocalDateTime.now().plusMonths(12))).filteredOn(o -> o.event().id() == id)
                .extracting(Occurrence::localStart).contains(nextWeekStart).doesNotContain(nextWeekStart.plusWeeks(1));
    }

    @Test
    void aCancelledSeriesLeavesTheKeptListAndTheStartPage() throws Exception {
        String slug = TestEvents.slug();
        long id = weekly(slug, "Bald abgesagte Reihe", Set.of());
        assertThat(catalog.upcoming(null, null, LocalDateTime.now().plusMonths(12))).anyMatch(o -> o.event().id() == id);
        mvc.perform(get("/veranstaltungen")).andExpect(content().string(containsString(slug)));

        editing.cancel(id);
        assertThat(catalog.upcoming(null, null, LocalDateTime.now().plusMonths(12))).noneMatch(o -> o.event().id() == id);
        mvc.perform(get("/veranstaltungen")).andExpect(status().isOk()).andExpect(content().string(not(containsString(slug))));
        // the month view still shows its dates, marked cancelled
        String month = LocalDate.now(EventsTest.BERLIN).plusWeeks(1).toString().substring(0, 7);
        mvc.perform(get("/veranstaltungen").param("ansicht", "monat").param("monat", month))
                .andExpect(content().string(containsString("Bald abgesagte Reihe")));
    }

    @Test
    void aChangeWrittenStraightIntoTheDatabaseShowsAtOnceAndItsDatesAreStoredAgain() throws Exception {
        String slug = TestEvents.slug();
        long id = weekly(slug, "Von außen geändert", Set.of());
        LocalDateTime nextWeekStart = LocalDate.now(EventsTest.BERLIN).plusWeeks(1).atTime(10, 0);
        long before = catalog.dataVersion();
        assertThat(catalog.upcoming(null, null, LocalDateTime.now().plusMonths(12))).filteredOn(o -> o.event().id() == id)
                .extracting(Occurrence::localStart).contains(nextWeekStart);

        // as another instance or a tool would: a new rule, without the portal's save
        jdbc.update("UPDATE event SET rrule = 'FREQ=DAILY;COUNT=3', title = 'Von außen geändert, täglich' WHERE id = ?", id);
        assertThat(catalog.dataVersion()).isGreaterThan(before);
        assertThat(jdbc.queryForObject("SELECT dates_until FROM event WHERE id = ?", LocalDateTime.class, id)).isNull();
        // until stored again, the rule is expanded as before: three daily dates a week ago, none to come
        assertThat(catalog.upcoming(null, null, LocalDateTime.now().plusMonths(12))).noneMatch(o -> o.event().id() == id);
        mvc.perform(get("/veranstaltungen")).andExpect(content().string(not(containsString(slug))));

        assertThat(dates.renew()).isGreaterThanOrEqualTo(1);
        assertThat(stored(id)).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT dates_until FROM event WHERE id = ?", LocalDateTime.class, id)).isNotNull();

        // a cancelled date written straight into the table outdates the stored ones too
        jdbc.update("INSERT INTO event_exception (event_id, day) VALUES (?, ?)", id, LocalDate.now(EventsTest.BERLIN).minusWeeks(1));
        assertThat(jdbc.queryForObject("SELECT dates_until FROM event WHERE id = ?", LocalDateTime.class, id)).isNull();
    }

    @Test
    void aSeriesIsOneEntryOfTheListWithItsNextDates() throws Exception {
        String slug = TestEvents.slug();
        LocalDateTime tomorrow = LocalDate.now(EventsTest.BERLIN).plusDays(1).atTime(6, 0);
        testEvents.create(slug, "Tägliche Reihenprobe", "digitalisierung", tomorrow, tomorrow.plusMinutes(30), "FREQ=DAILY;COUNT=45",
                Set.of(), null);
        for (String query : new String[] {"Reihenprobe", ""}) {
            String page = mvc.perform(get("/veranstaltungen").param("kategorie", "digitalisierung").param("q", query))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            // one entry: its link once, its next date and three more named, the rest counted
            assertThat(page.split("/veranstaltungen/" + slug + "\"", -1)).as(query).hasSize(2);
            assertThat(page).as(query).contains("Nächste Termine:", ", und 41 weitere",
                    "datetime=\"" + tomorrow.plusDays(3).atZone(EventsTest.BERLIN).toOffsetDateTime() + "\"");
        }
        String english = mvc.perform(get("/en/veranstaltungen").param("q", "Reihenprobe"))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("1 event with upcoming dates", "Next dates:", ", and 41 more");
    }

    @Test
    void theListShowsTwentyEntriesAPageAndPagesThroughAllOfThem() throws Exception {
        LocalDateTime tomorrow = LocalDate.now(EventsTest.BERLIN).plusDays(1).atTime(6, 0);
        List<String> slugs = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String slug = TestEvents.slug();
            slugs.add(slug);
            testEvents.create(slug, "Seitenprobe " + i, "digitalisierung", tomorrow.plusHours(i), tomorrow.plusHours(i).plusMinutes(30),
                    i == 0 ? "FREQ=DAILY;COUNT=45" : null, Set.of(), null);
        }
        String first = mvc.perform(get("/veranstaltungen").param("kategorie", "digitalisierung").param("q", "Seitenprobe"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("25 Veranstaltungen mit kommenden Terminen", "Seite 1 von 2", "seite=1")
                .doesNotContain("Frühere Termine");
        assertThat(slugs.stream().filter(slug -> first.contains("/veranstaltungen/" + slug + "\""))).hasSize(20);
        String last = mvc.perform(get("/veranstaltungen").param("kategorie", "digitalisierung").param("q", "Seitenprobe")
                        .param("seite", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(last).contains("Seite 2 von 2", "Frühere Termine").doesNotContain("Spätere Termine");
        assertThat(slugs.stream().filter(slug -> last.contains("/veranstaltungen/" + slug + "\""))).hasSize(5);
        // a page past the end shows the last one; a page that is no number is a 400
        mvc.perform(get("/veranstaltungen").param("q", "Seitenprobe").param("seite", "99"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Seite 2 von 2")));
        mvc.perform(get("/veranstaltungen").param("seite", "zwei")).andExpect(status().isBadRequest());
        // the kept list (without a query) pages the same way
        String kept = mvc.perform(get("/veranstaltungen").param("kategorie", "digitalisierung"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(kept).contains("Seite 1 von");
    }

    private static EventData data(Event event, String rrule, Set<LocalDate> exceptions) {
        return new EventData(event.slug(), event.title(), event.categorySlug(), event.description(), event.start(), event.end(),
                rrule, exceptions, Map.of(), event.placeName(), event.street(), event.postalCode(), event.city(), event.onlineUrl(),
                event.organiser(), event.capacity());
    }
}
