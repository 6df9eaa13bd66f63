package de.stadtportal.directory.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import de.stadtportal.directory.DirectoryApi.OpeningHours;
import de.stadtportal.directory.domain.Listings;
import de.stadtportal.directory.domain.Listings.Listing;
import de.stadtportal.directory.domain.OpeningHoursService;
import de.stadtportal.directory.domain.OpeningHoursService.OpeningException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The opening-hours editor, one for owners ({@link OwnerOpeningHoursController}) and staff
 * ({@link AdminOpeningHoursController}): two intervals a day for split hours, an empty day is closed,
 * and dated exceptions (holidays, holiday closures, special hours).
 */
@Component
class OpeningHoursEditor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Listings listings;
    private final OpeningHoursService hours;
    private final Clock clock;

    OpeningHoursEditor(Listings listings, OpeningHoursService hours, Clock clock) {
        this.listings = listings;
        this.hours = hours;
        this.clock = clock;
    }

    /** @param opens2 the second interval of a day with split hours (e.g. 15:00–18:00 after a lunch break) */
    record DayForm(String opens1, String closes1, String opens2, String closes2) {
    }

    record HoursForm(List<DayForm> days) {

        /** The id a field carries on the page ("days[0].opens1" is "day1-opens1"), for the error summary's links. */
        public String fieldId(String field) {
            int open = field.indexOf('['), close = field.indexOf("].");
            if (!field.startsWith("days[") || close < open) {
                return field;
            }
            return "day" + (Integer.parseInt(field.substring(open + 1, close)) + 1) + "-" + field.substring(close + 2);
        }
    }

    record ExceptionForm(String day, Boolean closed, String opens, String closes, String note) {
    }

    /** Whose listing, and where its pages are. */
    record Target(Listing listing, boolean byOwner) {

        String base() {
            return byOwner ? "/konto/eintraege/" + listing.id() : "/admin/unternehmen/" + listing.id();
        }
    }

    Target owned(long id, Principal principal) {
        return new Target(listings.findOwned(id, principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), true);
    }

    Target any(long id) {
        return new Target(listings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), false);
    }

    String form(Target target, Model model) {
        List<DayForm> days = new ArrayList<>();
        List<OpeningHours> weekly = hours.weekly(target.listing().id());
        for (int day = 1; day <= 7; day++) {
            int dayOfWeek = day;
            List<OpeningHours> intervals = weekly.stream().filter(h -> h.dayOfWeek() == dayOfWeek).toList();
            days.add(new DayForm(time(intervals, 0, true), time(intervals, 0, false), time(intervals, 1, true),
                    time(intervals, 1, false)));
        }
        model.addAttribute("form", new HoursForm(days));
        model.addAttribute("exception", new ExceptionForm("", false, "", "", ""));
        return show(target, model);
    }

    String save(Target target, HoursForm form, BindingResult result, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        List<OpeningHours> weekly = new ArrayList<>();
        List<DayForm> days = form.days() == null ? List.of() : form.days();
        if (days.size() != 7) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        // a day the browser did not send at all counts as closed (and the form shown again needs all seven)
        days = new ArrayList<>(days.stream().map(d -> d == null ? new DayForm(null, null, null, null) : d).toList());
        form.days().clear();
        form.days().addAll(days);
        for (int i = 0; i < 7; i++) {
            DayForm day = days.get(i);
            String path = "days[" + i + "].";
            OpeningHours first = interval(i + 1, day.opens1(), day.closes1(), path + "opens1", path + "closes1", result);
            OpeningHours second = interval(i + 1, day.opens2(), day.closes2(), path + "opens2", path + "closes2", result);
            if (first != null && second != null && second.opens().isBefore(first.closes())) {
                result.rejectValue(path + "opens2", "directory.hours.overlap");
            }
            if (first == null && second != null && !result.hasFieldErrors(path + "opens1")) {
                // the second interval alone is simply the day's hours
                first = second;
                second = null;
            }
            if (first != null) {
                weekly.add(first);
            }
            if (second != null) {
                weekly.add(second);
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("exception", new ExceptionForm("", false, "", "", ""));
            return show(target, model);
        }
        hours.replaceWeekly(target.listing().id(), weekly, target.byOwner());
        redirect.addFlashAttribute("success", "directory.hours.saved");
        return "redirect:" + target.base() + "/oeffnungszeiten";
    }

    String addException(Target target, ExceptionForm form, BindingResult result, Model model,
                                RedirectAttributes redirect, HttpServletResponse response) {
        LocalDate day = null;
        try {
            day = form.day() == null || form.day().isBlank() ? null : LocalDate.parse(form.day().strip());
            if (day == null) {
                result.rejectValue("day", "directory.hours.dateMissing");
            } else if (day.isBefore(LocalDate.now(clock))) {
                result.rejectValue("day", "directory.hours.dateInPast");
            } else if (day.isAfter(LocalDate.now(clock).plusYears(2))) {
                result.rejectValue("day", "directory.hours.dateTooFar");
            }
        } catch (DateTimeParseException e) {
            result.rejectValue("day", "directory.hours.dateInvalid");
        }
        boolean closed = Boolean.TRUE.equals(form.closed());
        OpeningHours special = closed ? null : interval(1, form.opens(), form.closes(), "opens", "closes", result);
        if (!closed && special == null && !result.hasFieldErrors("opens") && !result.hasFieldErrors("closes")) {
            result.rejectValue("opens", "directory.hours.closedOrTimes");
        }
        if (form.note() != null && form.note().length() > 160) {
            result.rejectValue("note", "platform.validation.tooLong");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            form(target, model);
            model.addAttribute("exception", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "exception", result);
            return show(target, model);
        }
        hours.putException(target.listing().id(), new OpeningException(day, special == null ? null : special.opens(),
                special == null ? null : special.closes(), form.note()), target.byOwner());
        redirect.addFlashAttribute("success", "directory.hours.exceptionSaved");
        return "redirect:" + target.base() + "/oeffnungszeiten";
    }

    String removeException(Target target, LocalDate day, RedirectAttributes redirect) {
        if (!hours.removeException(target.listing().id(), day, target.byOwner())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "directory.hours.exceptionRemoved");
        return "redirect:" + target.base() + "/oeffnungszeiten";
    }

    /** One interval from two fields; both empty means none, one empty or a bad time is an error next to it. */
    private static OpeningHours interval(int day, String opens, String closes, String opensField, String closesField,
                                         BindingResult result) {
        boolean noOpens = opens == null || opens.isBlank();
        boolean noCloses = closes == null || closes.isBlank();
        if (noOpens && noCloses) {
            return null;
        }
        LocalTime from = parse(opens, opensField, result);
        LocalTime to = parse(closes, closesField, result);
        if (from == null || to == null) {
            return null;
        }
        if (!to.isAfter(from)) {
            result.rejectValue(closesField, "directory.hours.closesBeforeOpens");
            return null;
        }
        return new OpeningHours(day, from, to);
    }

    private static LocalTime parse(String value, String field, BindingResult result) {
        if (value == null || value.isBlank()) {
            result.rejectValue(field, "directory.hours.timeMissing");
            return null;
        }
        try {
            String time = value.strip();
            // a browser's time field may send seconds
            return LocalTime.parse(time.length() > 5 ? time.substring(0, 5) : time, TIME);
        } catch (DateTimeParseException e) {
            result.rejectValue(field, "directory.hours.timeInvalid");
            return null;
        }
    }

    private static String time(List<OpeningHours> intervals, int index, boolean opens) {
        if (intervals.size() <= index) {
            return "";
        }
        return (opens ? intervals.get(index).opens() : intervals.get(index).closes()).format(TIME);
    }

    private String show(Target target, Model model) {
        model.addAttribute("listing", target.listing());
        model.addAttribute("base", target.base());
        model.addAttribute("staff", target.byOwner() ? null : true);
        model.addAttribute("exceptions", hours.exceptionsFrom(target.listing().id(), LocalDate.now(clock)));
        return "directory/hours";
    }
}
