package de.stadtportal.events.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.PortalProperties;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * iCalendar (RFC 5545) for events: one VEVENT per event, a series as RRULE with its cancelled
 * dates as EXDATE, times with TZID=Europe/Berlin and the VTIMEZONE that defines it. UIDs stay the
 * same for an event forever ({@code event-<id>@stadtportal}), so calendars update instead of doubling.
 */
@Component
public class CalendarFeed {

    private static final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final PortalProperties properties;
    private final Clock clock;

    CalendarFeed(PortalProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public String render(List<Event> list, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Stadt Bottrop//Stadtportal//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", PlatformConfiguration.CITY_ZONE.getId()));
        calendar.add(registry.getTimeZone(PlatformConfiguration.CITY_ZONE.getId()).getVTimeZone());
        Instant stamp = clock.instant();
        for (Event event : list) {
            calendar.add(vevent(event, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private VEvent vevent(Event event, Instant stamp) {
        ZonedDateTime start = zoned(event.start());
        VEvent vevent = new VEvent(start, zoned(event.end()), event.title());
        vevent.replace(new DtStamp(stamp));
        vevent.add(new Uid("event-" + event.id() + "@stadtportal"));
        if (!event.description().isBlank()) {
            vevent.add(new Description(event.description()));
        }
        vevent.add(new Location(RegistrationService.place(event)));
        vevent.add(new Categories(event.categoryName()));
        vevent.add(new Url(URI.create(properties.baseUrl() + "/veranstaltungen/" + event.slug())));
        vevent.add(new XProperty("X-ORGANISER", event.organiser()));
        if (event.cancelled()) {
            vevent.add(ImmutableStatus.VEVENT_CANCELLED);
        } else {
            vevent.add(ImmutableStatus.VEVENT_CONFIRMED);
        }
        if (event.series()) {
            vevent.add(new RRule<>(event.rrule()));
            if (!event.moves().isEmpty()) {
                // a moved date: the rule's date is excluded below, the new one added here
                List<ZonedDateTime> moved = event.moves().values().stream().sorted().map(CalendarFeed::zoned).toList();
                vevent.add(new RDate<>(new ParameterList(List.of(new TzId(PlatformConfiguration.CITY_ZONE.getId()))),
                        new DateList<>(moved)));
            }
            if (!event.exceptions().isEmpty()) {
                List<ZonedDateTime> dates = event.exceptions().stream().sorted()
                        .map(day -> zoned(day.atTime(event.start().toLocalTime()))).toList();
                vevent.add(new ExDate<>(new ParameterList(List.of(new TzId(PlatformConfiguration.CITY_ZONE.getId()))),
                        new DateList<>(dates)));
            }
        }
        return vevent;
    }

    private static ZonedDateTime zoned(java.time.LocalDateTime time) {
        return time.atZone(PlatformConfiguration.CITY_ZONE);
    }
}
