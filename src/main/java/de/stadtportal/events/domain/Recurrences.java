package de.stadtportal.events.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.model.Recur;

/**
 * Expands a series with ical4j. The rule runs on local date-times (Europe/Berlin wall clock), so
 * "every first Wednesday at 08:00" is at 08:00 in summer and in winter time alike.
 */
public final class Recurrences {

    /** A guard against rules like FREQ=SECONDLY: no series has more dates than this in one window. */
    static final int MAX_DATES = 1000;

    private Recurrences() {
    }

    /** The starts of the event's dates that begin in [from, to), without cancelled days, moved ones at their new time, in order. */
    public static List<LocalDateTime> starts(Event event, LocalDateTime from, LocalDateTime to) {
        List<LocalDateTime> starts = new ArrayList<>();
        if (!event.series()) {
            if (!event.start().isBefore(from) && event.start().isBefore(to)) {
                starts.add(event.start());
            }
            return starts;
        }
        Recur<LocalDateTime> recur = new Recur<>(local(event.rrule()));
        // the seed itself is a date of the series (RFC 5545: DTSTART is the first instance)
        LocalDateTime begin = from.isAfter(event.start()) ? from : event.start();
        if (!begin.isBefore(to)) {
            return starts;
        }
        List<LocalDateTime> dates = recur.getDates(event.start(), begin, to.minusNanos(1), MAX_DATES);
        if (!event.start().isBefore(from) && event.start().isBefore(to) && !dates.contains(event.start())) {
            starts.add(event.start());
        }
        for (LocalDateTime date : dates) {
            if (!date.isBefore(from) && date.isBefore(to) && !event.exceptions().contains(date.toLocalDate())) {
                starts.add(date);
            }
        }
        if (event.exceptions().contains(event.start().toLocalDate())) {
            starts.remove(event.start());
        }
        for (LocalDateTime moved : event.moves().values()) {
            if (!moved.isBefore(from) && moved.isBefore(to) && !starts.contains(moved)) {
                starts.add(moved);
            }
        }
        starts.sort(null);
        return starts;
    }

    /** Whether the event has a date starting exactly then (not cancelled). */
    public static boolean isDate(Event event, LocalDateTime start) {
        return starts(event, start, start.plusSeconds(1)).contains(start);
    }

    /** Checks a rule as staff type it; returns an error key, or null when it is usable. */
    public static String check(String rrule, LocalDateTime seed) {
        if (rrule == null || rrule.isBlank()) {
            return null;
        }
        String rule = rrule.strip().toUpperCase(java.util.Locale.ROOT);
        if (rule.startsWith("RRULE:") || !rule.contains("FREQ=")) {
            return "events.form.rrule.invalid";
        }
        if (rule.contains("UNTIL=") && rule.contains("COUNT=")) {
            return "events.form.rrule.untilAndCount";
        }
        if (rule.contains("FREQ=SECONDLY") || rule.contains("FREQ=MINUTELY") || rule.contains("FREQ=HOURLY")) {
            return "events.form.rrule.tooOften";
        }
        try {
            new Recur<LocalDateTime>(local(normalise(rule))).getDates(seed, seed, seed.plusYears(2), MAX_DATES);
            return null;
        } catch (RuntimeException e) {
            return "events.form.rrule.invalid";
        }
    }

    private static final java.util.regex.Pattern UNTIL = java.util.regex.Pattern.compile("UNTIL=(\\d{8})(T(\\d{6})(Z?))?");
    private static final java.time.format.DateTimeFormatter BASIC = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final java.time.ZoneId CITY = de.stadtportal.platform.PlatformConfiguration.CITY_ZONE;

    /**
     * The rule as stored and published: upper case, and UNTIL in UTC as RFC 5545 demands with a
     * zoned DTSTART (a day alone means the end of that day in Bottrop, a time without Z Bottrop's time).
     */
    public static String normalise(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            return null;
        }
        String rule = rrule.strip().toUpperCase(java.util.Locale.ROOT);
        java.util.regex.Matcher until = UNTIL.matcher(rule);
        if (!until.find() || "Z".equals(until.group(4))) {
            return rule;
        }
        LocalDateTime local = until.group(3) == null
                ? LocalDate.parse(until.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE).atTime(23, 59, 59)
                : LocalDateTime.parse(until.group(1) + "T" + until.group(3), BASIC);
        String utc = local.atZone(CITY).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime().format(BASIC) + "Z";
        return rule.substring(0, until.start()) + "UNTIL=" + utc + rule.substring(until.end());
    }

    /** For expansion on local date-times: a UTC UNTIL becomes Bottrop's local time. */
    static String local(String rule) {
        java.util.regex.Matcher until = UNTIL.matcher(rule);
        if (!until.find() || !"Z".equals(until.group(4))) {
            return rule;
        }
        LocalDateTime utc = LocalDateTime.parse(until.group(1) + "T" + until.group(3), BASIC);
        String local = utc.atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(CITY).toLocalDateTime().format(BASIC);
        return rule.substring(0, until.start()) + "UNTIL=" + local + rule.substring(until.end());
    }
}
