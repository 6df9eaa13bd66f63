package de.stadtportal.events.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/**
 * One event or series as stored. Times are local in Europe/Berlin.
 *
 * @param rrule      recurrence rule (RFC 5545, without "RRULE:"), null for a single date
 * @param exceptions dates of a series that do not take place as the rule says (cancelled or moved)
 * @param moves      of those, the ones moved: the rule's day → the new local start (same duration)
 * @param capacity   places per date; null when no registration is needed
 */
public record Event(long id, String slug, String title, String categorySlug, String categoryName, String description,
                    LocalDateTime start, LocalDateTime end, String rrule, Set<LocalDate> exceptions, Map<LocalDate, LocalDateTime> moves, String placeName,
                    String street, String postalCode, String city, String onlineUrl, String organiser,
                    Integer capacity, EventStatus status, boolean example) {

    public boolean series() {
        return rrule != null && !rrule.isBlank();
    }

    public boolean cancelled() {
        return status == EventStatus.CANCELLED;
    }

    public boolean online() {
        return placeName == null && onlineUrl != null;
    }

    public boolean registration() {
        return capacity != null;
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
