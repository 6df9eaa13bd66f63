package de.stadtportal.events.domain;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import de.stadtportal.platform.Localized;
import de.stadtportal.platform.PlatformConfiguration;

/**
 * One date of an event (a single event has one, a series many).
 *
 * @param free places still free; null when the event needs no registration
 */
public record Occurrence(Event event, LocalDateTime localStart, Integer free) {

    public ZonedDateTime start() {
        return localStart.atZone(PlatformConfiguration.CITY_ZONE);
    }

    public ZonedDateTime end() {
        return localStart.plus(event.duration()).atZone(PlatformConfiguration.CITY_ZONE);
    }

    /** The date as it appears in URLs: 2026-12-02T08:00. */
    public String key() {
        return localStart.toString();
    }

    public String slug() {
        return event.slug();
    }

    public String title() {
        return event.title();
    }

    public String categoryName() {
        return event.categoryName();
    }

    public Localized localTitle() {
        return event.localTitle();
    }

    public Localized localCategory() {
        return event.localCategory();
    }

    public boolean online() {
        return event.online();
    }

    public String placeName() {
        return event.placeName();
    }

    public boolean cancelled() {
        return event.cancelled();
    }

    public boolean example() {
        return event.example();
    }

    public boolean full() {
        return free != null && free <= 0;
    }
}
