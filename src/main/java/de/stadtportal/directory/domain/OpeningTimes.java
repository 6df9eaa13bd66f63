package de.stadtportal.directory.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A business's weekly hours and its dated exceptions, to tell "open now" in Java exactly as
 * {@link BusinessSearch#OPEN_NOW} tells it in SQL: a dated exception for today wins over the weekly hours
 * (closed all day when it has no times), a time counts from {@code opens} up to, not including, {@code closes}.
 *
 * @param weekly     the weekly hours
 * @param exceptions per day its opening; without times closed all day
 */
record OpeningTimes(List<Hours> weekly, Map<LocalDate, Hours> exceptions) {

    static final OpeningTimes NONE = new OpeningTimes(List.of(), Map.of());

    /**
     * @param dayOfWeek 1 (Monday) to 7 (Sunday), as the table opening_hours counts (0 for a dated exception)
     * @param opens     null with closes: closed all day
     */
    record Hours(int dayOfWeek, LocalTime opens, LocalTime closes) {

        boolean holds(LocalTime time) {
            return opens != null && !time.isBefore(opens) && time.isBefore(closes);
        }
    }

    OpeningTimes {
        weekly = List.copyOf(weekly);
        exceptions = Map.copyOf(exceptions);
    }

    /** Whether the business is open at this moment in Bottrop (to the second, as the SQL compares). */
    boolean openAt(ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalTime time = now.toLocalTime().withNano(0);
        Hours exception = exceptions.get(today);
        if (exception != null) {
            return exception.holds(time);
        }
        int dayOfWeek = now.getDayOfWeek().getValue();
        return weekly.stream().anyMatch(hours -> hours.dayOfWeek() == dayOfWeek && hours.holds(time));
    }
}
