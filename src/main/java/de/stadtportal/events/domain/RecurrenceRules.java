package de.stadtportal.events.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.stadtportal.platform.PlatformConfiguration;
import net.fortuna.ical4j.model.Recur;

/**
 * The recurrences staff choose in the event form instead of typing iCalendar: weekly on weekdays,
 * monthly on the n-th weekday, every n days; ending on a day, after n dates or never. Builds the
 * RRULE (RFC 5545) and reads a stored one back into the choice, so an existing series opens as it was
 * chosen; a rule the choice cannot express stays a typed rule ({@link Kind#CUSTOM}).
 */
public final class RecurrenceRules {

    public enum Kind { NONE, WEEKLY, MONTHLY, DAILY, CUSTOM }

    public enum End { NEVER, UNTIL, COUNT }

    /** The weekdays in RFC 5545's codes, Monday first. */
    public static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    /** "the n-th weekday of the month": first to fourth, -1 the last. */
    public static final List<Integer> ORDINALS = List.of(1, 2, 3, 4, -1);
    public static final int MAX_INTERVAL = 99;
    public static final int MAX_COUNT = 500;

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private RecurrenceRules() {
    }

    /** A recurrence as chosen; {@code until} a day in Bottrop (the series ends after it). */
    public record Choice(Kind kind, int interval, List<String> weekdays, int ordinal, String monthWeekday, End end,
                         LocalDate until, Integer count) {
    }

    /** The weekday code of a date ("WE"). */
    public static String weekday(LocalDate date) {
        return WEEKDAYS.get(date.getDayOfWeek().getValue() - 1);
    }

    /** Which n-th of its weekday in the month a date is (1 to 5). */
    public static int ordinal(LocalDate date) {
        return (date.getDayOfMonth() - 1) / 7 + 1;
    }

    /** The rule of a choice, null for {@link Kind#NONE}; UNTIL a local day, normalised to UTC on save. */
    public static String rule(Choice choice) {
        StringBuilder rule = new StringBuilder();
        switch (choice.kind()) {
            case WEEKLY -> rule.append("FREQ=WEEKLY").append(interval(choice)).append(";BYDAY=")
                    .append(String.join(",", WEEKDAYS.stream().filter(choice.weekdays()::contains).toList()));
            case MONTHLY -> rule.append("FREQ=MONTHLY;BYDAY=").append(choice.ordinal()).append(choice.monthWeekday());
            case DAILY -> rule.append("FREQ=DAILY").append(interval(choice));
            default -> {
                return null;
            }
        }
        if (choice.end() == End.UNTIL) {
            rule.append(";UNTIL=").append(choice.until().format(DateTimeFormatter.BASIC_ISO_DATE));
        } else if (choice.end() == End.COUNT) {
            rule.append(";COUNT=").append(choice.count());
        }
        return rule.toString();
    }

    private static String interval(Choice choice) {
        return choice.interval() > 1 ? ";INTERVAL=" + choice.interval() : "";
    }

    /** A stored rule as a choice; {@link Kind#CUSTOM} when the choice cannot express it, NONE without a rule. */
    public static Choice read(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            return new Choice(Kind.NONE, 1, List.of(), 1, null, End.NEVER, null, null);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rrule.strip().toUpperCase(Locale.ROOT).split(";")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                return custom();
            }
            parts.put(pair[0], pair[1]);
        }
        try {
            int interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.get("INTERVAL")) : 1;
            End end = parts.containsKey("UNTIL") ? End.UNTIL : parts.containsKey("COUNT") ? End.COUNT : End.NEVER;
            LocalDate until = parts.containsKey("UNTIL") ? untilDay(parts.get("UNTIL")) : null;
            Integer count = parts.containsKey("COUNT") ? Integer.valueOf(parts.get("COUNT")) : null;
            Set<String> allowed = Set.of("FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST");
            if (!allowed.containsAll(parts.keySet()) || interval < 1 || interval > MAX_INTERVAL) {
                return custom();
            }
            String byDay = parts.getOrDefault("BYDAY", "");
            switch (parts.getOrDefault("FREQ", "")) {
                case "WEEKLY" -> {
                    List<String> days = byDay.isEmpty() ? List.of() : List.of(byDay.split(","));
                    if (days.isEmpty() || !WEEKDAYS.containsAll(days)) {
                        return custom();
                    }
                    return new Choice(Kind.WEEKLY, interval, days, 1, null, end, until, count);
                }
                case "MONTHLY" -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d)([A-Z]{2})").matcher(byDay);
                    if (interval != 1 || !m.matches() || !ORDINALS.contains(Integer.parseInt(m.group(1)))
                            || !WEEKDAYS.contains(m.group(2))) {
                        return custom();
                    }
                    return new Choice(Kind.MONTHLY, 1, List.of(), Integer.parseInt(m.group(1)), m.group(2), end, until, count);
                }
                case "DAILY" -> {
                    return byDay.isEmpty() ? new Choice(Kind.DAILY, interval, List.of(), 1, null, end, until, count) : custom();
                }
                default -> {
                    return custom();
                }
            }
        } catch (RuntimeException e) {
            return custom();
        }
    }

    private static Choice custom() {
        return new Choice(Kind.CUSTOM, 1, List.of(), 1, null, End.NEVER, null, null);
    }

    /** The day of Bottrop an UNTIL names (stored in UTC, or a local day or time). */
    private static LocalDate untilDay(String until) {
        if (until.length() == 8) {
            return LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE);
        }
        LocalDateTime time = LocalDateTime.parse(until.substring(0, 15), BASIC);
        return until.endsWith("Z")
                ? time.atZone(ZoneOffset.UTC).withZoneSameInstant(PlatformConfiguration.CITY_ZONE).toLocalDate()
                : time.toLocalDate();
    }

    /** Whether a rule repeats without end at least daily: such a series is refused (thousands of dates). */
    public static boolean endlessDaily(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            return false;
        }
        String rule = rrule.toUpperCase(Locale.ROOT);
        return rule.contains("FREQ=DAILY") && !rule.contains("UNTIL=") && !rule.contains("COUNT=");
    }

    /** The days of {@code days} on which the series (rule from {@code seed}) has no date. */
    public static List<LocalDate> outside(String rrule, LocalDateTime seed, Set<LocalDate> days) {
        List<LocalDate> outside = new ArrayList<>();
        Recur<LocalDateTime> recur = new Recur<>(Recurrences.local(Recurrences.normalise(rrule)));
        for (LocalDate day : days) {
            boolean date = day.equals(seed.toLocalDate()) || (!day.isBefore(seed.toLocalDate())
                    && !recur.getDates(seed, day.atStartOfDay(), day.plusDays(1).atStartOfDay().minusNanos(1), 2).isEmpty());
            if (!date) {
                outside.add(day);
            }
        }
        return outside;
    }

    /** The weekday codes as Java's days, for labels. */
    public static DayOfWeek dayOfWeek(String code) {
        return DayOfWeek.of(WEEKDAYS.indexOf(code) + 1);
    }
}
