package de.stadtportal.events.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import de.stadtportal.events.domain.Event;
import de.stadtportal.events.domain.EventCatalog;
import de.stadtportal.events.domain.EventEditingService;
import de.stadtportal.events.domain.EventEditingService.EventData;
import de.stadtportal.events.domain.RegistrationService;
import de.stadtportal.events.domain.RegistrationService.RegistrationView;
import de.stadtportal.events.domain.RecurrenceRules;
import de.stadtportal.events.domain.RecurrenceRules.Choice;
import de.stadtportal.events.domain.RecurrenceRules.End;
import de.stadtportal.events.domain.RecurrenceRules.Kind;
import de.stadtportal.events.domain.Recurrences;
import de.stadtportal.platform.PlainInput;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import de.stadtportal.platform.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
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
 * Staff: create, change and cancel events; registrations as a list, CSV and a printable check-in list.
 * Over 300 lines: most of it is the event form (record, its field checks and the translation of the
 * recurrence choice to and from the rule), which belongs to this page only.
 */
@Controller
class AdminEventController {

    /** Paths under /veranstaltungen that are pages, never an event. */
    static final Set<String> RESERVED = Set.of("archiv", "abmelden");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EventCatalog events;
    private final EventEditingService editing;
    private final RegistrationService registrations;

    AdminEventController(EventCatalog events, EventEditingService editing, RegistrationService registrations) {
        this.events = events;
        this.editing = editing;
        this.registrations = registrations;
    }

    /** Everything as text, so a wrong entry comes back next to its field instead of failing the binding. */
    record EventForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 200, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") String title,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{events.form.slug}") String slug,
            @NotBlank(message = "{events.form.categoryMissing}") String category,
            @Size(max = 10000, message = "{platform.validation.tooLong}") String description,
            @NotBlank(message = "{platform.validation.required}") String date,
            @NotBlank(message = "{platform.validation.required}") String startTime,
            @NotBlank(message = "{platform.validation.required}") String endTime,
            @Size(max = 300, message = "{platform.validation.tooLong}") String rrule,
            String repeat, String interval, List<String> weekdays, String ordinal, String monthWeekday, String ends,
            String until, String count,
            @Size(max = 4000, message = "{platform.validation.tooLong}") String exceptions,
            @Size(max = 4000, message = "{platform.validation.tooLong}") String moves,
            @Size(max = 160, message = "{platform.validation.tooLong}") String placeName,
            @Size(max = 160, message = "{platform.validation.tooLong}") String street,
            @Pattern(regexp = "\\d{5}", message = "{directory.join.postalCode}") String postalCode,
            @Size(max = 80, message = "{platform.validation.tooLong}") String city,
            @Size(max = 300, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "https://\\S+", message = "{events.form.url}") String onlineUrl,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") String organiser,
            @Pattern(regexp = "[1-9][0-9]{0,3}|10000", message = "{events.form.capacity}") String capacity,
            @Size(max = 200, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}")
            @PlainInput String titleEn,
            @Size(max = 10000, message = "{platform.validation.tooLong}") @PlainInput String descriptionEn) {

        /** An event as the form shows it: a stored rule read back into the choice (a rule it cannot express stays typed). */
        static EventForm of(Event e) {
            Choice choice = RecurrenceRules.read(e.rrule());
            return new EventForm(e.title(), e.slug(), e.categorySlug(), e.description(), e.start().toLocalDate().toString(),
                    e.start().toLocalTime().toString(), e.end().toLocalTime().toString(),
                    choice.kind() == Kind.CUSTOM ? e.rrule() : null, choice.kind().name().toLowerCase(Locale.ROOT),
                    Integer.toString(choice.interval()), choice.weekdays(), Integer.toString(choice.ordinal()),
                    choice.monthWeekday(), choice.end().name().toLowerCase(Locale.ROOT),
                    choice.until() == null ? null : choice.until().toString(),
                    choice.count() == null ? null : choice.count().toString(),
                    e.exceptions().stream().filter(day -> !e.moves().containsKey(day)).sorted().map(LocalDate::toString)
                            .collect(Collectors.joining("\n")),
                    e.moves().entrySet().stream().map(m -> m.getKey() + " " + m.getValue().toLocalDate() + " "
                            + m.getValue().toLocalTime()).collect(Collectors.joining("\n")),
                    e.placeName(), e.street(), e.postalCode(), e.city(), e.onlineUrl(), e.organiser(),
                    e.capacity() == null ? null : e.capacity().toString(), e.titleEn(), e.descriptionEn());
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/admin/veranstaltungen")
    String list(Model model) {
        model.addAttribute("events", events.all());
        return "admin/events/list";
    }

    @GetMapping("/admin/veranstaltungen/neu")
    String create(Model model) {
        model.addAttribute("form", new EventForm(null, null, null, null, null, null, null, null, "none", "1", List.of(), "1",
                null, "never", null, null, null, null, null, null, null, "Bottrop", null, "Wirtschaftsförderung Bottrop", null,
                null, null));
        return show(null, model);
    }

    @PostMapping("/admin/veranstaltungen/neu")
    String create(@Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return save(null, form, result, model, response, redirect);
    }

    @GetMapping("/admin/veranstaltungen/{id}")
    String edit(@PathVariable long id, Model model) {
        Event event = require(id);
        model.addAttribute("form", EventForm.of(event));
        return show(event, model);
    }

    @PostMapping("/admin/veranstaltungen/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        require(id);
        return save(id, form, result, model, response, redirect);
    }

    /** Cancelling asks first and says how many registrations will be mailed. */
    @GetMapping("/admin/veranstaltungen/{id}/absagen")
    String confirmCancel(@PathVariable long id, Model model) {
        Event event = require(id);
        if (event.cancelled()) {
            return "redirect:/admin/veranstaltungen/" + id;
        }
        model.addAttribute("event", event);
        model.addAttribute("toTell", editing.registrationsToTell(id));
        return "admin/events/cancel";
    }

    @PostMapping("/admin/veranstaltungen/{id}/absagen")
    String cancel(@PathVariable long id, @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
        require(id);
        if (!"true".equals(confirmed)) {
            return "redirect:/admin/veranstaltungen/" + id + "/absagen";
        }
        boolean done = editing.cancel(id);
        redirect.addFlashAttribute("success", done ? "events.admin.cancelledDone" : "events.admin.alreadyCancelled");
        return "redirect:/admin/veranstaltungen/" + id;
    }

    @GetMapping("/admin/veranstaltungen/{id}/anmeldungen")
    String registrations(@PathVariable long id, Model model) {
        Event event = require(id);
        model.addAttribute("event", event);
        model.addAttribute("byDate", byDate(registrations.registrations(id)));
        return "admin/events/registrations";
    }

    @GetMapping("/admin/veranstaltungen/{id}/einlass")
    String checkIn(@PathVariable long id, @RequestParam(name = "termin", required = false) String date, Model model) {
        Event event = require(id);
        Map<LocalDateTime, List<RegistrationView>> byDate = byDate(registrations.registrations(id).stream()
                .filter(RegistrationView::confirmed).toList());
        if (date != null && !date.isBlank()) {
            LocalDateTime start;
            try {
                start = LocalDateTime.parse(date);
            } catch (DateTimeParseException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            byDate.keySet().retainAll(Set.of(start));
        }
        model.addAttribute("event", event);
        model.addAttribute("byDate", byDate);
        return "admin/events/check-in";
    }

    @GetMapping("/admin/veranstaltungen/{id}/anmeldungen.csv")
    ResponseEntity<String> csv(@PathVariable long id) {
        Event event = require(id);
        StringWriter out = new StringWriter();
        // the byte order mark lets spreadsheet programs read the umlauts as UTF-8
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder()
                .setHeader("Termin", "Status", "Name", "E-Mail", "Organisation", "Personen", "Angemeldet am").get())) {
            for (RegistrationView r : registrations.registrations(id)) {
                csv.printRecord(Csv.cells(r.start().format(CSV_TIME), r.status(), r.name(), r.email(), r.organisation(),
                        r.people(), r.createdAt().atZoneSameInstant(de.stadtportal.platform.PlatformConfiguration.CITY_ZONE)
                                .format(CSV_TIME)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"anmeldungen-" + event.slug() + ".csv\"")
                .body(out.toString());
    }

    private String save(Long id, EventForm form, BindingResult result, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        if (form.slug() != null && (RESERVED.contains(form.slug()) || events.slugTaken(form.slug(), id))) {
            result.rejectValue("slug", "events.form.slugTaken");
        }
        if (form.category() != null && !events.categoryExists(form.category())) {
            result.rejectValue("category", "events.form.categoryMissing");
        }
        LocalDate date = parse(form.date(), "date", result, LocalDate::parse);
        LocalTime start = parse(form.startTime(), "startTime", result, LocalTime::parse);
        LocalTime end = parse(form.endTime(), "endTime", result, LocalTime::parse);
        if (start != null && end != null && !end.isAfter(start)) {
            result.rejectValue("endTime", "events.form.endBeforeStart");
        }
        if (form.placeName() == null && form.onlineUrl() == null) {
            result.rejectValue("placeName", "events.form.placeMissing");
        }
        Set<LocalDate> exceptions = new TreeSet<>();
        if (form.exceptions() != null) {
            for (String line : form.exceptions().split("[\\s,;]+")) {
                if (!line.isBlank()) {
                    LocalDate day = parse(line, "exceptions", result, LocalDate::parse);
                    if (day != null) {
                        exceptions.add(day);
                    }
                }
            }
        }
        // "2027-11-03 2027-11-10 09:00": the rule's date, then the new date and time
        Map<LocalDate, LocalDateTime> moves = new TreeMap<>();
        if (form.moves() != null) {
            for (String line : form.moves().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+");
                LocalDate day = parts.length == 3 ? parse(parts[0], "moves", result, LocalDate::parse) : null;
                LocalDate newDay = parts.length == 3 ? parse(parts[1], "moves", result, LocalDate::parse) : null;
                LocalTime newTime = parts.length == 3 ? parse(parts[2], "moves", result, LocalTime::parse) : null;
                if (parts.length != 3) {
                    result.rejectValue("moves", "events.form.movesInvalid");
                } else if (day != null && newDay != null && newTime != null) {
                    if (exceptions.contains(day) || moves.containsKey(day)) {
                        result.rejectValue("moves", "events.form.movesTwice");
                    }
                    moves.put(day, newDay.atTime(newTime));
                }
            }
        }
        String rrule = date == null ? null : rule(form, date, result);
        if (!moves.isEmpty() && kind(form) == Kind.NONE) {
            result.rejectValue("moves", "events.form.movesNeedSeries");
        }
        if (date != null && start != null && rrule != null) {
            String rruleError = Recurrences.check(rrule, date.atTime(start));
            if (rruleError != null) {
                result.rejectValue(Kind.CUSTOM == kind(form) ? "rrule" : "repeat", rruleError);
            } else if (RecurrenceRules.endlessDaily(rrule)) {
                result.rejectValue(Kind.CUSTOM == kind(form) ? "rrule" : "ends", "events.form.repeat.endlessDaily");
            } else if (!exceptions.isEmpty()) {
                List<LocalDate> outside = RecurrenceRules.outside(rrule, date.atTime(start), exceptions);
                if (!outside.isEmpty()) {
                    result.rejectValue("exceptions", "events.form.exceptions.outside",
                            new Object[] {outside.stream().map(LocalDate::toString).collect(Collectors.joining(", "))}, null);
                }
            }
        }
        if (kind(form) == Kind.NONE && !exceptions.isEmpty() && !result.hasFieldErrors("exceptions")) {
            result.rejectValue("exceptions", "events.form.exceptions.needSeries");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id == null ? null : require(id), model);
        }
        long saved = editing.save(id, new EventData(form.slug(), form.title(), form.category(), form.description(),
                date.atTime(start), date.atTime(end), rrule, exceptions, moves, form.placeName(), form.street(),
                form.postalCode(), form.city(), form.onlineUrl(), form.organiser(),
                form.capacity() == null ? null : Integer.valueOf(form.capacity()), form.titleEn(), form.descriptionEn()));
        redirect.addFlashAttribute("success", "events.admin.saved");
        return "redirect:/admin/veranstaltungen/" + saved;
    }

    /** The recurrence chosen: no choice but a typed rule (older forms, tools) means the typed rule. */
    private static Kind kind(EventForm form) {
        if (form.repeat() == null || form.repeat().isBlank()) {
            return form.rrule() == null || form.rrule().isBlank() ? Kind.NONE : Kind.CUSTOM;
        }
        try {
            return Kind.valueOf(form.repeat().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The rule the form's choice makes (null: a single date), each wrong part rejected next to its field:
     * weekdays default to the first date's, the n-th weekday to the first date's.
     */
    private static String rule(EventForm form, LocalDate date, BindingResult result) {
        Kind kind = kind(form);
        int errorsBefore = result.getErrorCount();
        if (kind == null) {
            result.rejectValue("repeat", "events.form.repeat.invalid");
            return null;
        }
        if (kind == Kind.NONE) {
            return null;
        }
        if (kind == Kind.CUSTOM) {
            if (form.rrule() == null || form.rrule().isBlank()) {
                result.rejectValue("rrule", "events.form.repeat.customMissing");
                return null;
            }
            return form.rrule();
        }
        int interval = number(form.interval(), 1, RecurrenceRules.MAX_INTERVAL, 1, "interval", "events.form.repeat.interval", result);
        List<String> weekdays = form.weekdays() == null || form.weekdays().isEmpty()
                ? List.of(RecurrenceRules.weekday(date)) : form.weekdays();
        if (!RecurrenceRules.WEEKDAYS.containsAll(weekdays)) {
            result.rejectValue("weekdays", "events.form.repeat.invalid");
        }
        int ordinal = number(form.ordinal(), -1, 4, Math.min(4, RecurrenceRules.ordinal(date)), "ordinal",
                "events.form.repeat.invalid", result);
        if (!RecurrenceRules.ORDINALS.contains(ordinal) && !result.hasFieldErrors("ordinal")) {
            result.rejectValue("ordinal", "events.form.repeat.invalid");
        }
        String monthWeekday = form.monthWeekday() == null || form.monthWeekday().isBlank()
                ? RecurrenceRules.weekday(date) : form.monthWeekday();
        if (!RecurrenceRules.WEEKDAYS.contains(monthWeekday)) {
            result.rejectValue("monthWeekday", "events.form.repeat.invalid");
        }
        End end;
        try {
            end = End.valueOf((form.ends() == null || form.ends().isBlank() ? "never" : form.ends()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            result.rejectValue("ends", "events.form.repeat.invalid");
            return null;
        }
        LocalDate until = null;
        Integer count = null;
        if (end == End.NEVER && kind == Kind.DAILY) {
            result.rejectValue("ends", "events.form.repeat.endlessDaily");
        } else if (end == End.UNTIL) {
            until = parse(form.until(), "until", result, LocalDate::parse);
            if (until == null && !result.hasFieldErrors("until")) {
                result.rejectValue("until", "events.form.repeat.untilMissing");
            } else if (until != null && until.isBefore(date)) {
                result.rejectValue("until", "events.form.repeat.untilBeforeStart");
            }
        } else if (end == End.COUNT) {
            count = number(form.count(), 1, RecurrenceRules.MAX_COUNT, null, "count", "events.form.repeat.count", result);
        }
        if (result.getErrorCount() > errorsBefore) {
            return null;
        }
        return RecurrenceRules.rule(new Choice(kind, interval, weekdays, ordinal, monthWeekday, end, until, count));
    }

    /** A whole number in [min, max]; blank gives the default (null: required). */
    private static Integer number(String value, int min, int max, Integer fallback, String field, String code,
                                  BindingResult result) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                result.rejectValue(field, code);
            }
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        result.rejectValue(field, code);
        return fallback == null ? 0 : fallback;
    }

    private static <T> T parse(String value, String field, BindingResult result, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException e) {
            if (!result.hasFieldErrors(field)) {
                result.rejectValue(field, "events.form.dateFormat");
            }
            return null;
        }
    }

    private String show(Event event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("categories", events.categories());
        model.addAttribute("weekdays", RecurrenceRules.WEEKDAYS);
        model.addAttribute("ordinals", RecurrenceRules.ORDINALS);
        return "admin/events/edit";
    }

    private Event require(long id) {
        return events.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Map<LocalDateTime, List<RegistrationView>> byDate(List<RegistrationView> registrations) {
        Map<LocalDateTime, List<RegistrationView>> byDate = new LinkedHashMap<>();
        for (RegistrationView registration : registrations) {
            byDate.computeIfAbsent(registration.start(), d -> new ArrayList<>()).add(registration);
        }
        return byDate;
    }
}
