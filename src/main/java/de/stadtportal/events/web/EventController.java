package de.stadtportal.events.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.events.domain.CalendarFeed;
import de.stadtportal.events.domain.Event;
import de.stadtportal.events.domain.EventCatalog;
import de.stadtportal.events.domain.Occurrence;
import de.stadtportal.events.domain.RegistrationService;
import de.stadtportal.events.domain.RegistrationService.FieldProblem;
import de.stadtportal.events.domain.RegistrationService.InvalidRegistrationException;
import de.stadtportal.events.domain.RegistrationService.Registrant;
import de.stadtportal.events.domain.RegistrationService.RegistrationClosedException;
import de.stadtportal.events.domain.RegistrationService.RegistrationOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public events: list, month view, archive, one event with registration, cancel link, feeds. Over 300
 * lines: one handler per public address of the events; the reading is EventCatalog's, registering RegistrationService's.
 */
@Controller
class EventController {

    static final int MAX_QUERY = 200;
    /** How far ahead the list and the feeds look. */
    static final int MONTHS_AHEAD = 12;
    static final int DATES_ON_DETAIL = 24;
    /** Entries (events) per page of the list. */
    static final int PAGE_SIZE = 20;

    private final EventCatalog events;
    private final RegistrationService registrations;
    private final CalendarFeed feed;
    private final AtomFeed atom;
    private final RegistrationThrottle throttle;

    EventController(EventCatalog events, RegistrationService registrations, CalendarFeed feed, AtomFeed atom,
                    RegistrationThrottle throttle) {
        this.events = events;
        this.registrations = registrations;
        this.feed = feed;
        this.atom = atom;
        this.throttle = throttle;
    }

    /** The date arrives as an occurrence's key (2026-12-02T08:00); a wrong one fails the binding next to its field. */
    record RegistrationForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime date, String name, String email,
                            String organisation, Integer people) {

        Registrant registrant() {
            return new Registrant(name, email, organisation, people);
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/veranstaltungen")
    String list(@RequestParam(name = "kategorie", required = false) String category,
                @RequestParam(required = false) String q,
                @RequestParam(name = "ansicht", required = false) String view,
                @RequestParam(name = "monat", required = false) String month,
                @RequestParam(name = "seite", defaultValue = "0") int page,
                Model model) {
        String query = q == null ? "" : (q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q.strip());
        String categorySlug = category == null || category.isBlank() ? null : category;
        if (categorySlug != null && !events.categoryExists(categorySlug)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("categories", events.categories());
        model.addAttribute("category", categorySlug);
        model.addAttribute("q", query);
        if ("monat".equals(view)) {
            YearMonth shown = parseMonth(month);
            LocalDateTime from = shown.atDay(1).atStartOfDay();
            LocalDateTime to = shown.plusMonths(1).atDay(1).atStartOfDay();
            List<Occurrence> occurrences = events.occurrences(events.published(categorySlug, query, from, to, true), from, to);
            model.addAttribute("month", shown);
            model.addAttribute("previous", shown.minusMonths(1));
            model.addAttribute("next", shown.plusMonths(1));
            model.addAttribute("weeks", weeks(shown, occurrences));
            model.addAttribute("occurrences", occurrences);
            return "events/month";
        }
        // one entry per event, a series with its next dates: a daily series no longer fills the list
        // (issue #14); a page of entries at a time, built from the dates kept in memory
        List<ListEntry> entries = ListEntry.of(events.upcoming(categorySlug, query, events.now().plusMonths(MONTHS_AHEAD)));
        int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("total", entries.size());
        model.addAttribute("entries", entries.subList(shown * PAGE_SIZE, Math.min(entries.size(), (shown + 1) * PAGE_SIZE)));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("month", YearMonth.from(events.now()));
        return "events/list";
    }

    @GetMapping("/veranstaltungen/archiv")
    String archive(Model model) {
        LocalDateTime now = events.now();
        LocalDateTime from = now.minusMonths(24);
        List<Occurrence> past = new ArrayList<>(events.occurrences(events.published(null, null, from, now, true), from, now)
                .stream().filter(o -> !o.end().toLocalDateTime().isAfter(now)).toList());
        java.util.Collections.reverse(past);
        model.addAttribute("occurrences", past);
        return "events/archive";
    }

    @GetMapping("/veranstaltungen/{slug}")
    String detail(@PathVariable String slug, Model model) {
        Event event = events.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return show(event, model);
    }

    /**
     * The registration form has a page of its own: its CSRF token opens a session, and on the event's
     * page that would make the page every visitor reads (and shares) private and rendered per request.
     * {@code ?termin=} preselects a date from the event page's table.
     */
    @GetMapping("/veranstaltungen/{slug}/anmeldung")
    String registrationForm(@PathVariable String slug,
                            @RequestParam(name = "termin", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime date,
                            Model model) {
        Event event = events.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", new RegistrationForm(date, null, null, null, 1));
        return showForm(event, model);
    }

    @PostMapping("/veranstaltungen/{slug}/anmeldung")
    String register(@PathVariable String slug, @ModelAttribute("form") RegistrationForm form, BindingResult result,
                    Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Event event = events.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!throttle.tryAcquire(request.getRemoteAddr())) {
            // the form comes back with what was typed and a message above it
            model.addAttribute("throttled", true);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return showForm(event, model);
        }
        try {
            if (!result.hasErrors()) {
                RegistrationOutcome outcome = registrations.register(event, form.date(), form.registrant());
                if (outcome.alreadyRegistered()) {
                    // the form stays with what was typed; the message sits at the address
                    result.rejectValue("email", "events.register.alreadyRegistered");
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return showForm(event, model);
                }
                redirect.addFlashAttribute("success", outcome.confirmed() ? "events.registered.confirmed" : "events.registered.waiting");
                return "redirect:/veranstaltungen/" + slug;
            }
            // a value that did not bind is null here; the service names every other problem as well
            reject(result, registrations.check(event, form.date(), form.registrant()));
        } catch (RegistrationClosedException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        } catch (InvalidRegistrationException e) {
            reject(result, e.problems());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return showForm(event, model);
    }

    /** The service's problems as field errors; a field that did not even bind keeps its own message. */
    private static void reject(BindingResult result, List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            if (!result.hasFieldErrors(problem.field())) {
                result.rejectValue(problem.field(), problem.code());
            }
        }
    }

    @GetMapping("/veranstaltungen/abmelden")
    String cancelPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        var registration = registrations.registrationByToken(token);
        if (registration.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "events/link-invalid";
        }
        model.addAttribute("registration", registration.get());
        model.addAttribute("token", token);
        return "events/cancel";
    }

    @PostMapping("/veranstaltungen/abmelden")
    String cancel(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        var registration = registrations.registrationByToken(token);
        if (registration.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "events/link-invalid";
        }
        registrations.cancelRegistration(token);
        model.addAttribute("registration", registration.get());
        return "events/cancelled";
    }

    @GetMapping(value = "/veranstaltungen.ics", produces = "text/calendar;charset=UTF-8")
    ResponseEntity<String> calendar(@RequestParam(name = "kategorie", required = false) String category) {
        String categorySlug = category == null || category.isBlank() ? null : category;
        if (categorySlug != null && !events.categoryExists(categorySlug)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDateTime now = events.now();
        List<Event> list = events.published(categorySlug, null, now.minusMonths(1), now.plusMonths(MONTHS_AHEAD), true);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .body(feed.render(list, "Stadtportal Bottrop – Veranstaltungen"));
    }

    @GetMapping(value = "/veranstaltungen/{slug}.ics", produces = "text/calendar;charset=UTF-8")
    ResponseEntity<String> eventCalendar(@PathVariable String slug) {
        Event event = events.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"" + event.slug() + ".ics\"")
                .body(feed.render(List.of(event), event.title()));
    }

    @GetMapping(value = "/veranstaltungen.atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> atomFeed() {
        LocalDateTime now = events.now();
        List<Occurrence> next = events.upcoming(null, null, now.plusMonths(MONTHS_AHEAD)).stream().limit(50).toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(atom.render(next));
    }

    private String show(Event event, Model model) {
        LocalDateTime now = events.now();
        List<Occurrence> dates = events.occurrences(List.of(event), now, now.plusMonths(MONTHS_AHEAD)).stream()
                .limit(DATES_ON_DETAIL).toList();
        model.addAttribute("event", event);
        model.addAttribute("dates", dates);
        model.addAttribute("place", placeLines(event));
        model.addAttribute("jsonLd", JsonLd.event(event, dates, events.baseUrl()));
        return "events/detail";
    }

    /** The registration page; an event without registration has none. */
    private String showForm(Event event, Model model) {
        if (event.capacity() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        show(event, model);
        return "events/register";
    }

    private static List<String> placeLines(Event event) {
        List<String> lines = new ArrayList<>();
        if (event.placeName() != null) {
            lines.add(event.placeName());
            if (event.street() != null) {
                lines.add(event.street());
            }
            if (event.postalCode() != null || event.city() != null) {
                lines.add(((event.postalCode() == null ? "" : event.postalCode() + " ") + (event.city() == null ? "" : event.city())).strip());
            }
        }
        return lines;
    }

    private YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(events.now());
        }
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    /** The month as weeks Monday to Sunday; days outside the month are null. */
    static List<List<Day>> weeks(YearMonth month, List<Occurrence> occurrences) {
        Map<LocalDate, List<Occurrence>> byDay = new LinkedHashMap<>();
        for (Occurrence occurrence : occurrences) {
            byDay.computeIfAbsent(occurrence.localStart().toLocalDate(), d -> new ArrayList<>()).add(occurrence);
        }
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate day = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!day.isAfter(month.atEndOfMonth())) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(YearMonth.from(day).equals(month) ? new Day(day, byDay.getOrDefault(day, List.of())) : null);
            }
            weeks.add(week);
        }
        return weeks;
    }

    record Day(LocalDate date, List<Occurrence> occurrences) {
    }
}
