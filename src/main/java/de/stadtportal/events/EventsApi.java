package de.stadtportal.events;

import java.time.ZonedDateTime;
import java.util.List;

import de.stadtportal.events.domain.EventService;
import de.stadtportal.events.domain.Occurrence;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may know of events: the next dates (for the start page and topic pages). */
@Service
@Transactional(readOnly = true)
public class EventsApi {

    private final EventService events;

    EventsApi(EventService events) {
        this.events = events;
    }

    /**
     * The next dates of published events, series expanded, in time order.
     *
     * @param category slug of an event category (handwerk, digitalisierung, fairtrade, fachkraefte,
     *                 wochenmarkt), or null for all
     */
    public List<NextEvent> next(String category, int limit) {
        return events.upcoming(category, null, events.now().plusMonths(12)).stream().limit(limit)
                .map(EventsApi::next).toList();
    }

    private static NextEvent next(Occurrence occurrence) {
        return new NextEvent(occurrence.event().slug(), occurrence.event().title(), occurrence.event().categoryName(),
                occurrence.start(), occurrence.end(), occurrence.event().online(), occurrence.free());
    }

    /** One date of an event; times in Europe/Berlin. @param free free places, null without registration */
    public record NextEvent(String slug, String title, String category, ZonedDateTime start, ZonedDateTime end,
                            boolean online, Integer free) {

        public String path() {
            return "/veranstaltungen/" + slug;
        }
    }
}
