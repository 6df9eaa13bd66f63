package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import de.stadtportal.events.domain.RecurrenceRules;
import de.stadtportal.events.domain.RecurrenceRules.Choice;
import de.stadtportal.events.domain.RecurrenceRules.End;
import de.stadtportal.events.domain.RecurrenceRules.Kind;
import de.stadtportal.events.domain.Recurrences;
import org.junit.jupiter.api.Test;

/** The staff form's recurrence choice written as an RRULE and read back; what it cannot express stays typed. */
class RecurrenceRulesTest {

    @Test
    void aChoiceBecomesARuleAndTheStoredRuleReadsBackAsTheSameChoice() {
        Choice weekly = new Choice(Kind.WEEKLY, 2, List.of("WE", "MO"), 1, null, End.COUNT, null, 6);
        assertThat(RecurrenceRules.rule(weekly)).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6");
        assertThat(RecurrenceRules.read("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6"))
                .isEqualTo(new Choice(Kind.WEEKLY, 2, List.of("MO", "WE"), 1, null, End.COUNT, null, 6));

        Choice monthly = new Choice(Kind.MONTHLY, 1, List.of(), -1, "FR", End.UNTIL, LocalDate.of(2027, 12, 31), null);
        String rule = RecurrenceRules.rule(monthly);
        assertThat(rule).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231");
        // stored with UNTIL in UTC (end of the day in Bottrop), read back as the same day
        assertThat(RecurrenceRules.read(Recurrences.normalise(rule))).isEqualTo(monthly);

        assertThat(RecurrenceRules.rule(new Choice(Kind.DAILY, 3, List.of(), 1, null, End.COUNT, null, 10)))
                .isEqualTo("FREQ=DAILY;INTERVAL=3;COUNT=10");
        assertThat(RecurrenceRules.read("FREQ=MONTHLY;BYDAY=1WE").kind()).isEqualTo(Kind.MONTHLY);
        assertThat(RecurrenceRules.read(null).kind()).isEqualTo(Kind.NONE);
        // rules the choice cannot express stay typed rules
        assertThat(RecurrenceRules.read("FREQ=YEARLY;BYMONTH=12").kind()).isEqualTo(Kind.CUSTOM);
        assertThat(RecurrenceRules.read("FREQ=MONTHLY;BYMONTHDAY=15").kind()).isEqualTo(Kind.CUSTOM);
        assertThat(RecurrenceRules.read("kaputt").kind()).isEqualTo(Kind.CUSTOM);
    }

    @Test
    void endlessDailySeriesAndCancelledDaysOutsideTheSeriesAreFound() {
        assertThat(RecurrenceRules.endlessDaily("FREQ=DAILY")).isTrue();
        assertThat(RecurrenceRules.endlessDaily("FREQ=DAILY;INTERVAL=2")).isTrue();
        assertThat(RecurrenceRules.endlessDaily("FREQ=DAILY;COUNT=5")).isFalse();
        assertThat(RecurrenceRules.endlessDaily("FREQ=WEEKLY;BYDAY=TU")).isFalse();
        LocalDateTime firstWednesday = LocalDateTime.of(2027, 1, 6, 8, 0);
        assertThat(RecurrenceRules.outside("FREQ=MONTHLY;BYDAY=1WE", firstWednesday,
                Set.of(LocalDate.of(2027, 2, 3), LocalDate.of(2027, 2, 10), LocalDate.of(2026, 12, 2), firstWednesday.toLocalDate())))
                .containsExactlyInAnyOrder(LocalDate.of(2027, 2, 10), LocalDate.of(2026, 12, 2));
    }
}
