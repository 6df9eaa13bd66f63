package de.stadtportal.events.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import de.stadtportal.platform.Localized;

/**
 * One event or series as stored. Times are local in Europe/Berlin.
 *
 * @param rrule      recurrence rule (RFC 5545, without "RRULE:"), null for a single date
 * @param exceptions dates of a series that do not take place as the rule says (cancelled or moved)
 * @param moves      of those, the ones moved: the rule's day → the new local start (same duration)
 * @param capacity   places per date; null when no registration is needed
 * @param titleEn, descriptionEn, categoryNameEn English texts, null where staff wrote none
 */
public record Event(long id, String slug, String title, String categorySlug, String categoryName, String description,
                    LocalDateTime start, LocalDateTime end, String rrule, Set<LocalDate> exceptions, Map<LocalDate, LocalDateTime> moves, String placeName,
                    String street, String postalCode, String city, String onlineUrl, String organiser,
                    Integer capacity, EventStatus status, boolean example, String titleEn, String descriptionEn,
                    String categoryNameEn) {

    /** The title in the reader's language, German (marked) where there is no English. */
    public Localized localTitle() {
        return Localized.of(title, titleEn);
    }

    public Localized localDescription() {
        return Localized.of(description, descriptionEn);
    }

    public Localized localCategory() {
        return Localized.of(categoryName, categoryNameEn);
    }

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
