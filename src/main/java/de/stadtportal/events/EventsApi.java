package de.stadtportal.events;

import de.stadtportal.platform.Localized;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import de.stadtportal.events.domain.AppointmentCalendar;
import de.stadtportal.events.domain.EventCatalog;
import de.stadtportal.events.domain.Occurrence;
import de.stadtportal.platform.mail.MailOutbox.Attachment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may know of events: the next dates (start page, topic pages, /handwerk) and
 * an appointment as a calendar file for their own confirmation mails (the Sprechtag's bookings).
 */
@Service
@Transactional(readOnly = true)
public class EventsApi {

    /** How far ahead the next dates are looked for. */
    private static final int MONTHS_AHEAD = 12;

    private final EventCatalog catalog;
    private final AppointmentCalendar calendar;

    EventsApi(EventCatalog catalog, AppointmentCalendar calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /**
     * The next dates of published events, series expanded, in time order.
     *
     * @param category slug of an event category (handwerk, digitalisierung, fairtrade, fachkraefte,
     *                 wochenmarkt), or null for all
     */
    public List<NextEvent> next(String category, int limit) {
        return next(category, null, limit);
    }

    /** As {@link #next(String, int)}, only events whose text contains the query (null: all). */
    public List<NextEvent> next(String category, String query, int limit) {
        return catalog.upcoming(category, query, catalog.now().plusMonths(MONTHS_AHEAD)).stream().limit(limit)
                .map(EventsApi::next).toList();
    }

    /**
     * One appointment as an .ics file for a confirmation mail, in Bottrop's time zone.
     *
     * @param uid stays the same for the same appointment, so a second mail updates the calendar entry
     * @param url a page about the appointment, or null
     */
    public Attachment appointment(String uid, String title, LocalDateTime start, LocalDateTime end, String location,
                                  String description, String url) {
        return calendar.attachment(uid, title, start, end, location, description, url);
    }

    private static NextEvent next(Occurrence o) {
        return new NextEvent(o.slug(), o.title(), o.categoryName(), o.start(), o.end(), o.online(), o.placeName(), o.free(),
                o.cancelled(), o.example(), o.localTitle(), o.localCategory());
    }

    /**
     * One date of an event; times in Europe/Berlin. Its properties are named like {@link Occurrence}'s, so the
     * events' list fragment shows both.
     *
     * @param free free places, null without registration
     */
    public record NextEvent(String slug, String title, String categoryName, ZonedDateTime start, ZonedDateTime end,
                            boolean online, String placeName, Integer free, boolean cancelled, boolean example,
                            Localized localTitle, Localized localCategory) {

        public String path() {
            return "/veranstaltungen/" + slug;
        }
    }
}
