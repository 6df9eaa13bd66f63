package de.stadtportal.events.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;

import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.mail.MailOutbox.Attachment;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * One appointment (a registered date of an event, a booked Sprechtag slot) as an .ics file for
 * the confirmation mail: the recipient's calendar adds exactly that date, in Bottrop's time zone.
 */
@Component
public class AppointmentCalendar {

    private static final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final Clock clock;

    AppointmentCalendar(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param uid stays the same for the same appointment, so a second mail updates the calendar entry
     * @param url a page about the appointment, or null
     */
    public Attachment attachment(String uid, String title, LocalDateTime start, LocalDateTime end, String location,
                                 String description, String url) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Stadt Bottrop//Stadtportal//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(registry.getTimeZone(PlatformConfiguration.CITY_ZONE.getId()).getVTimeZone());
        VEvent event = new VEvent(start.atZone(PlatformConfiguration.CITY_ZONE), end.atZone(PlatformConfiguration.CITY_ZONE), title);
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(uid));
        event.add(new Location(location));
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        if (url != null) {
            event.add(new Url(URI.create(url)));
        }
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Attachment("termin.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
