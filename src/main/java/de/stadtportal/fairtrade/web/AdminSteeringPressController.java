package de.stadtportal.fairtrade.web;

import java.time.LocalDate;

import de.stadtportal.fairtrade.domain.PressService;
import de.stadtportal.fairtrade.domain.PressService.Article;
import de.stadtportal.fairtrade.domain.PressService.ArticleData;
import de.stadtportal.fairtrade.domain.Sector;
import de.stadtportal.fairtrade.domain.SteeringGroupService;
import de.stadtportal.fairtrade.domain.SteeringGroupService.Seat;
import de.stadtportal.fairtrade.domain.SteeringGroupService.SeatData;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: the steering group and the press articles. */
@Controller
class AdminSteeringPressController {

    static final String BASE = AdminFairtradeController.BASE;

    private final SteeringGroupService steering;
    private final PressService press;

    AdminSteeringPressController(SteeringGroupService steering, PressService press) {
        this.steering = steering;
        this.press = press;
    }

    record SeatForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String organisation,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String role,
            @NotNull(message = "{platform.validation.required}") Sector sector,
            @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String personName,
            Boolean consent, Long version) {

        static SeatForm of(Seat s) {
            return new SeatForm(s.organisation(), s.role(), s.sector(), s.personName(), s.consent(), s.version());
        }

        SeatForm withVersion(long current) {
            return new SeatForm(organisation, role, sector, personName, consent, current);
        }
    }

    record ArticleForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 200, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String title,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 120, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String outlet,
            @NotNull(message = "{platform.validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn,
            @Size(max = 500, message = "{platform.validation.tooLong}") @Pattern(regexp = FormPatterns.URL, message = "{fairtrade.form.url}") String url,
            Long version) {

        static ArticleForm of(Article a) {
            return new ArticleForm(a.title(), a.outlet(), a.publishedOn(), a.url(), a.version());
        }

        ArticleForm withVersion(long current) {
            return new ArticleForm(title, outlet, publishedOn, url, current);
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE + "/steuerungsgruppe/neu")
    String newSeat(Model model) {
        model.addAttribute("form", new SeatForm(null, null, null, null, false, 0L));
        return seat(null, model);
    }

    @PostMapping(BASE + "/steuerungsgruppe/neu")
    String createSeat(@Valid @ModelAttribute("form") SeatForm form, BindingResult result, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        return saveSeat(null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/steuerungsgruppe/{id}")
    String editSeat(@PathVariable long id, Model model) {
        model.addAttribute("form", SeatForm.of(requireSeat(id)));
        return seat(id, model);
    }

    @PostMapping(BASE + "/steuerungsgruppe/{id}")
    String updateSeat(@PathVariable long id, @Valid @ModelAttribute("form") SeatForm form, BindingResult result,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireSeat(id);
        return saveSeat(id, form, result, model, response, redirect);
    }

    @PostMapping(BASE + "/steuerungsgruppe/{id}/loeschen")
    String deleteSeat(@PathVariable long id, RedirectAttributes redirect) {
        if (!steering.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "fairtrade.admin.deleted");
        return "redirect:" + BASE;
    }

    private String saveSeat(Long id, SeatForm form, BindingResult result, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        // a person's name is kept only with their consent to show it
        if (result.getTarget() != null && form.personName() != null && !Boolean.TRUE.equals(form.consent()) && !result.hasFieldErrors("personName")) {
            result.rejectValue("personName", "fairtrade.form.consentNeeded");
        }
        return FormPatterns.save(result, model, response, "organisation", () -> {
            if (id != null && model.containsAttribute("conflict")) {
                model.addAttribute("form", form.withVersion(requireSeat(id).version()));
            }
            return seat(id, model);
        }, () -> {
            steering.save(id, new SeatData(form.organisation(), form.role(), form.sector(), form.personName(),
                    Boolean.TRUE.equals(form.consent())), form.version() == null ? 0 : form.version());
            redirect.addFlashAttribute("success", "fairtrade.admin.saved");
            return "redirect:" + BASE;
        });
    }

    private String seat(Long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("sectors", Choice.of(Sector.values(), Sector::label));
        return "fairtrade/admin/seat";
    }

    private Seat requireSeat(long id) {
        return steering.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping(BASE + "/presse/neu")
    String newArticle(Model model) {
        model.addAttribute("form", new ArticleForm(null, null, null, null, 0L));
        return article(null, model);
    }

    @PostMapping(BASE + "/presse/neu")
    String createArticle(@Valid @ModelAttribute("form") ArticleForm form, BindingResult result, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        return saveArticle(null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/presse/{id}")
    String editArticle(@PathVariable long id, Model model) {
        model.addAttribute("form", ArticleForm.of(requireArticle(id)));
        return article(id, model);
    }

    @PostMapping(BASE + "/presse/{id}")
    String updateArticle(@PathVariable long id, @Valid @ModelAttribute("form") ArticleForm form, BindingResult result,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireArticle(id);
        return saveArticle(id, form, result, model, response, redirect);
    }

    @PostMapping(BASE + "/presse/{id}/loeschen")
    String deleteArticle(@PathVariable long id, RedirectAttributes redirect) {
        if (!press.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "fairtrade.admin.deleted");
        return "redirect:" + BASE;
    }

    private String saveArticle(Long id, ArticleForm form, BindingResult result, Model model, HttpServletResponse response,
                               RedirectAttributes redirect) {
        if (result.getTarget() != null && form.publishedOn() != null && (form.publishedOn().getYear() < 2000 || form.publishedOn().getYear() > 2100)) {
            result.rejectValue("publishedOn", "fairtrade.form.date");
        }
        return FormPatterns.save(result, model, response, "title", () -> {
            if (id != null && model.containsAttribute("conflict")) {
                model.addAttribute("form", form.withVersion(requireArticle(id).version()));
            }
            return article(id, model);
        }, () -> {
            press.save(id, new ArticleData(form.title(), form.outlet(), form.publishedOn(), form.url()),
                    form.version() == null ? 0 : form.version());
            redirect.addFlashAttribute("success", "fairtrade.admin.saved");
            return "redirect:" + BASE;
        });
    }

    private String article(Long id, Model model) {
        model.addAttribute("id", id);
        return "fairtrade/admin/article";
    }

    private Article requireArticle(long id) {
        return press.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
