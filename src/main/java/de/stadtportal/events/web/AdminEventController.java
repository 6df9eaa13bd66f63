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
import de.stadtportal.events.domain.Recurrences;
import de.stadtportal.platform.PlainInput;
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

/** Staff: create, change and cancel events; registrations as a list, CSV and a printable check-in list. */
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
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.tooLong}")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{events.form.slug}") String slug,
            @NotBlank(message = "{events.form.categoryMissing}") String category,
            @Size(max = 10000, message = "{validation.tooLong}") String description,
            @NotBlank(message = "{validation.required}") String date,
            @NotBlank(message = "{validation.required}") String startTime,
            @NotBlank(message = "{validation.required}") String endTime,
            @Size(max = 300, message = "{validation.tooLong}") String rrule,
            @Size(max = 4000, message = "{validation.tooLong}") String exceptions,
            @Size(max = 4000, message = "{validation.tooLong}") String moves,
            @Size(max = 160, message = "{validation.tooLong}") String placeName,
            @Size(max = 160, message = "{validation.tooLong}") String street,
            @Pattern(regexp = "\\d{5}", message = "{join.postalCode}") String postalCode,
            @Size(max = 80, message = "{validation.tooLong}") String city,
            @Size(max = 300, message = "{validation.tooLong}")
            @Pattern(regexp = "https://\\S+", message = "{events.form.url}") String onlineUrl,
            @NotBlank(message = "{validation.required}") @Size(max = 160, message = "{validation.tooLong}") String organiser,
            @Pattern(regexp = "[1-9][0-9]{0,3}|10000", message = "{events.form.capacity}") String capacity,
            @Size(max = 200, message = "{validation.tooLong}") @Pattern(regexp = "[^\\r\\n]*", message = "{validation.singleLine}")
            @PlainInput String titleEn,
            @Size(max = 10000, message = "{validation.tooLong}") @PlainInput String descriptionEn) {

        static EventForm of(Event e) {
            return new EventForm(e.title(), e.slug(), e.categorySlug(), e.description(), e.start().toLocalDate().toString(),
                    e.start().toLocalTime().toString(), e.end().toLocalTime().toString(), e.rrule(),
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
        model.addAttribute("form", new EventForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                "Bottrop", null, "Wirtschaftsförderung Bottrop", null, null, null));
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
        if (!moves.isEmpty() && (form.rrule() == null || form.rrule().isBlank())) {
            result.rejectValue("moves", "events.form.movesNeedSeries");
        }
        if (date != null && start != null) {
            String rruleError = Recurrences.check(form.rrule(), date.atTime(start));
            if (rruleError != null) {
                result.rejectValue("rrule", rruleError);
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id == null ? null : require(id), model);
        }
        long saved = editing.save(id, new EventData(form.slug(), form.title(), form.category(), form.description(),
                date.atTime(start), date.atTime(end), form.rrule(), exceptions, moves, form.placeName(), form.street(),
                form.postalCode(), form.city(), form.onlineUrl(), form.organiser(),
                form.capacity() == null ? null : Integer.valueOf(form.capacity()), form.titleEn(), form.descriptionEn()));
        redirect.addFlashAttribute("success", "events.admin.saved");
        return "redirect:/admin/veranstaltungen/" + saved;
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
