package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import de.stadtportal.events.domain.Event;
import de.stadtportal.events.domain.EventStatus;
import de.stadtportal.events.domain.Recurrences;
import org.junit.jupiter.api.Test;

/** Recurrence rules as staff type them: UNTIL in UTC for the feed, local for expansion; bad rules are refused. */
class RecurrencesTest {

    static Event weekly(String rule) {
        LocalDateTime start = LocalDateTime.of(2027, 3, 2, 7, 0);
        return new Event(1, "markt", "Markt", "wochenmarkt", "Wochenmarkt", "", start, start.plusHours(6),
                Recurrences.normalise(rule), Set.of(LocalDate.of(2027, 3, 9)), java.util.Map.of(), "Pferdemarkt", null, null, "Bottrop", null, "Stadt",
                null, EventStatus.PUBLISHED, false, null, null, null);
    }

    @Test
    void untilAsADayMeansTheEndOfThatDayInBottropAndIsStoredInUtc() {
        assertThat(Recurrences.normalise("freq=weekly;byday=tu;until=20270330")).isEqualTo("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T215959Z");
        assertThat(Recurrences.normalise("FREQ=WEEKLY;UNTIL=20270330T070000")).isEqualTo("FREQ=WEEKLY;UNTIL=20270330T050000Z");
        assertThat(Recurrences.normalise("FREQ=WEEKLY;UNTIL=20270330T050000Z")).isEqualTo("FREQ=WEEKLY;UNTIL=20270330T050000Z");
        Event event = weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330");
        // 2 March to 30 March without the 9th; the summer time starts on 28 March, the market stays at 07:00
        assertThat(Recurrences.starts(event, LocalDateTime.of(2027, 1, 1, 0, 0), LocalDateTime.of(2028, 1, 1, 0, 0)))
                .containsExactly(LocalDateTime.of(2027, 3, 2, 7, 0), LocalDateTime.of(2027, 3, 16, 7, 0),
                        LocalDateTime.of(2027, 3, 23, 7, 0), LocalDateTime.of(2027, 3, 30, 7, 0));
    }

    @Test
    void countLimitsTheSeries() {
        Event event = weekly("FREQ=WEEKLY;BYDAY=TU;COUNT=3");
        assertThat(Recurrences.starts(event, LocalDateTime.of(2027, 1, 1, 0, 0), LocalDateTime.of(2028, 1, 1, 0, 0)))
                .containsExactly(LocalDateTime.of(2027, 3, 2, 7, 0), LocalDateTime.of(2027, 3, 16, 7, 0));
    }

    @Test
    void badRulesAreRefusedWithAMessageKey() {
        LocalDateTime seed = LocalDateTime.of(2027, 3, 2, 7, 0);
        assertThat(Recurrences.check("FREQ=MONTHLY;BYDAY=1WE", seed)).isNull();
        assertThat(Recurrences.check("FREQ=WEEKLY;UNTIL=20270330", seed)).isNull();
        assertThat(Recurrences.check("freq=weekly;byday=tu", seed)).isNull();
        assertThat(Recurrences.check("RRULE:FREQ=MONTHLY", seed)).isEqualTo("events.form.rrule.invalid");
        assertThat(Recurrences.check("BYDAY=1WE", seed)).isEqualTo("events.form.rrule.invalid");
        assertThat(Recurrences.check("FREQ=SOMETIMES", seed)).isEqualTo("events.form.rrule.invalid");
        assertThat(Recurrences.check("FREQ=MINUTELY", seed)).isEqualTo("events.form.rrule.tooOften");
        assertThat(Recurrences.check("FREQ=WEEKLY;COUNT=2;UNTIL=20270330T000000Z", seed)).isEqualTo("events.form.rrule.untilAndCount");
    }
}
