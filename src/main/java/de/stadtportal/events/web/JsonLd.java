package de.stadtportal.events.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.events.domain.Event;
import de.stadtportal.events.domain.Occurrence;
import de.stadtportal.platform.StructuredData;

/** schema.org Event, written by {@link StructuredData}. */
final class JsonLd {

    private JsonLd() {
    }

    static String event(Event event, List<Occurrence> dates, String baseUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Event");
        data.put("name", event.title());
        data.put("description", event.description());
        data.put("url", baseUrl + "/veranstaltungen/" + event.slug());
        Occurrence first = dates.isEmpty() ? null : dates.get(0);
        data.put("startDate", first == null ? event.start().atZone(de.stadtportal.platform.PlatformConfiguration.CITY_ZONE).toOffsetDateTime().toString()
                : first.start().toOffsetDateTime().toString());
        data.put("endDate", first == null ? event.end().atZone(de.stadtportal.platform.PlatformConfiguration.CITY_ZONE).toOffsetDateTime().toString()
                : first.end().toOffsetDateTime().toString());
        data.put("eventStatus", event.cancelled() ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled");
        if (event.online()) {
            data.put("eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode");
            data.put("location", Map.of("@type", "VirtualLocation", "url", event.onlineUrl()));
        } else {
            data.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", event.placeName());
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (event.street() != null) {
                address.put("streetAddress", event.street());
            }
            if (event.postalCode() != null) {
                address.put("postalCode", event.postalCode());
            }
            address.put("addressLocality", event.city() == null ? "Bottrop" : event.city());
            address.put("addressCountry", "DE");
            place.put("address", address);
            data.put("location", place);
        }
        data.put("organizer", Map.of("@type", "Organization", "name", event.organiser()));
        if (event.capacity() != null && first != null) {
            data.put("maximumAttendeeCapacity", event.capacity());
            data.put("remainingAttendeeCapacity", Math.max(0, first.free()));
        }
        if (event.series()) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("@type", "Schedule");
            String rule = event.rrule();
            if (rule.contains("FREQ=MONTHLY")) {
                schedule.put("repeatFrequency", "P1M");
            } else if (rule.contains("FREQ=WEEKLY")) {
                schedule.put("repeatFrequency", "P1W");
            } else if (rule.contains("FREQ=DAILY")) {
                schedule.put("repeatFrequency", "P1D");
            } else if (rule.contains("FREQ=YEARLY")) {
                schedule.put("repeatFrequency", "P1Y");
            }
            schedule.put("startDate", event.start().toLocalDate().toString());
            schedule.put("startTime", event.start().toLocalTime().toString());
            schedule.put("endTime", event.end().toLocalTime().toString());
            schedule.put("scheduleTimezone", "Europe/Berlin");
            if (!event.exceptions().isEmpty()) {
                List<String> except = new ArrayList<>();
                event.exceptions().stream().sorted().forEach(d -> except.add(d.toString()));
                schedule.put("exceptDate", except);
            }
            data.put("eventSchedule", schedule);
        }
        return StructuredData.script(data);
    }
}
