package de.stadtportal.events;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.stadtportal.events.domain.EventEditingService;
import de.stadtportal.events.domain.EventEditingService.EventData;
import org.springframework.jdbc.core.JdbcTemplate;

/** Creates events for tests and removes exactly those again, with their registrations, mails and audit entries. */
final class TestEvents {

    private final EventEditingService events;
    private final JdbcTemplate jdbc;
    private final List<Long> created = new ArrayList<>();

    TestEvents(EventEditingService events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    static String slug() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long create(String slug, String title, String category, LocalDateTime start, LocalDateTime end, String rrule,
                Set<LocalDate> exceptions, Integer capacity) {
        long id = events.save(null, new EventData(slug, title, category, "Beschreibung mit </script> und & Co.", start, end,
                rrule, exceptions, java.util.Map.of(), "Kulturzentrum August Everding", "Blumenstraße 12-14", "46236", "Bottrop", null,
                "Wirtschaftsförderung Bottrop", capacity));
        created.add(id);
        return id;
    }

    void track(long id) {
        created.add(id);
    }

    void deleteAll() {
        for (long id : created) {
            jdbc.update("DELETE FROM outbox_mail WHERE recipient IN (SELECT r.email FROM event_registration r "
                    + "JOIN event_occurrence o ON o.id = r.occurrence_id WHERE o.event_id = ?)", id);
            jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Veranstaltung' AND entity_id = ?", String.valueOf(id));
            jdbc.update("DELETE FROM event WHERE id = ?", id);
        }
        created.clear();
    }
}
