package de.stadtportal.events.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.events.domain.Occurrence;

/**
 * One entry of the events list: an event with its next date and, for a series, the dates after it
 * ("nächste Termine: …, und 48 weitere"). Entries come in the order of their next date.
 *
 * @param following the next few dates after {@code next}
 * @param more      how many coming dates are not named
 */
record ListEntry(Occurrence next, List<Occurrence> following, int more) {

    /** Dates named after the first one. */
    static final int FOLLOWING = 3;

    /** The dates (in time order) grouped by event, each event where its first date is. */
    static List<ListEntry> of(List<Occurrence> dates) {
        Map<Long, List<Occurrence>> byEvent = new LinkedHashMap<>();
        for (Occurrence date : dates) {
            byEvent.computeIfAbsent(date.event().id(), id -> new ArrayList<>()).add(date);
        }
        List<ListEntry> entries = new ArrayList<>(byEvent.size());
        for (List<Occurrence> own : byEvent.values()) {
            List<Occurrence> following = own.subList(1, Math.min(own.size(), 1 + FOLLOWING));
            entries.add(new ListEntry(own.get(0), List.copyOf(following), own.size() - 1 - following.size()));
        }
        return entries;
    }
}
