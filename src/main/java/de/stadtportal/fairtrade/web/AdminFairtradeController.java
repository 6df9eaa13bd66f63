package de.stadtportal.fairtrade.web;

import java.time.LocalDate;

import de.stadtportal.fairtrade.domain.BoardService;
import de.stadtportal.fairtrade.domain.Criteria.Target;
import de.stadtportal.fairtrade.domain.JoinService;
import de.stadtportal.fairtrade.domain.NetworkService;
import de.stadtportal.fairtrade.domain.PressService;
import de.stadtportal.fairtrade.domain.ShopService;
import de.stadtportal.fairtrade.domain.SteeringGroupService;
import de.stadtportal.fairtrade.domain.TitleService;
import de.stadtportal.fairtrade.domain.TitleService.Term;
import de.stadtportal.fairtrade.domain.TitleService.TermData;
import de.stadtportal.fairtrade.domain.TitleService.YearTarget;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** Staff: the Fairtrade overview, the title's terms and the yearly targets. */
@Controller
class AdminFairtradeController {

    static final String BASE = "/admin/fairtrade";

    private final TitleService title;
    private final BoardService board;
    private final NetworkService network;
    private final SteeringGroupService steering;
    private final PressService press;
    private final JoinService joins;
    private final ShopService shops;

    AdminFairtradeController(TitleService title, BoardService board, NetworkService network, SteeringGroupService steering,
                             PressService press, JoinService joins, ShopService shops) {
        this.title = title;
        this.board = board;
        this.network = network;
        this.steering = steering;
        this.press = press;
        this.joins = joins;
        this.shops = shops;
    }

    record TermForm(@NotNull(message = "{platform.validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn,
                    Boolean renewal,
                    @Size(max = 300, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String note,
                    Long version) {

        static TermForm of(Term t) {
            return new TermForm(t.awardedOn(), t.renewal(), t.note(), t.version());
        }

        TermForm withVersion(long current) {
            return new TermForm(awardedOn, renewal, note, current);
        }
    }

    record TargetForm(@NotNull(message = "{platform.validation.required}") @Min(value = 2000, message = "{fairtrade.form.year}") @Max(value = 2100, message = "{fairtrade.form.year}") Integer year,
                      @NotNull(message = "{platform.validation.required}") @Min(value = 0, message = "{fairtrade.form.count}") @Max(value = 1000, message = "{fairtrade.form.count}") Integer shops,
                      @NotNull(message = "{platform.validation.required}") @Min(value = 0, message = "{fairtrade.form.count}") @Max(value = 1000, message = "{fairtrade.form.count}") Integer gastronomy,
                      @NotNull(message = "{platform.validation.required}") @Min(value = 0, message = "{fairtrade.form.count}") @Max(value = 1000, message = "{fairtrade.form.count}") Integer press,
                      Boolean councilResolution, Long version) {

        static TargetForm of(YearTarget t) {
            return new TargetForm(t.year(), t.shops(), t.gastronomy(), t.press(), t.councilResolution(), t.version());
        }

        TargetForm withVersion(long current) {
            return new TargetForm(year, shops, gastronomy, press, councilResolution, current);
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String overview(Model model) {
        model.addAttribute("board", board.board(board.currentYear()));
        model.addAttribute("terms", title.terms());
        model.addAttribute("targets", title.targets());
        model.addAttribute("members", network.members(false));
        model.addAttribute("actions", network.actions(null));
        model.addAttribute("seats", steering.all());
        model.addAttribute("articles", press.articles(null));
        model.addAttribute("requests", joins.pending());
        model.addAttribute("shops", shops.shops());
        return "fairtrade/admin/overview";
    }

    @GetMapping(BASE + "/auszeichnungen/neu")
    String newTerm(Model model) {
        model.addAttribute("form", new TermForm(null, true, null, 0L));
        return term(null, model);
    }

    @PostMapping(BASE + "/auszeichnungen/neu")
    String createTerm(@Valid @ModelAttribute("form") TermForm form, BindingResult result, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        return saveTerm(null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/auszeichnungen/{id}")
    String editTerm(@PathVariable long id, Model model) {
        model.addAttribute("form", TermForm.of(requireTerm(id)));
        return term(id, model);
    }

    @PostMapping(BASE + "/auszeichnungen/{id}")
    String updateTerm(@PathVariable long id, @Valid @ModelAttribute("form") TermForm form, BindingResult result, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        requireTerm(id);
        return saveTerm(id, form, result, model, response, redirect);
    }

    @PostMapping(BASE + "/auszeichnungen/{id}/loeschen")
    String deleteTerm(@PathVariable long id, RedirectAttributes redirect) {
        if (!title.deleteTerm(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "fairtrade.admin.deleted");
        return "redirect:" + BASE;
    }

    private String saveTerm(Long id, TermForm form, BindingResult result, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        if (result.getTarget() != null && form.awardedOn() != null && (form.awardedOn().getYear() < 2000 || form.awardedOn().getYear() > 2100)) {
            result.rejectValue("awardedOn", "fairtrade.form.date");
        }
        return FormPatterns.save(result, model, response, "awardedOn", () -> {
            if (id != null && model.containsAttribute("conflict")) {
                model.addAttribute("form", form.withVersion(requireTerm(id).version()));
            }
            return term(id, model);
        }, () -> {
            title.saveTerm(id, new TermData(form.awardedOn(), Boolean.TRUE.equals(form.renewal()), form.note()),
                    form.version() == null ? 0 : form.version());
            redirect.addFlashAttribute("success", "fairtrade.admin.saved");
            return "redirect:" + BASE;
        });
    }

    private String term(Long id, Model model) {
        model.addAttribute("id", id);
        return "fairtrade/admin/term";
    }

    private Term requireTerm(long id) {
        return title.term(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping(BASE + "/ziele/neu")
    String newTarget(Model model) {
        model.addAttribute("form", new TargetForm(board.currentYear(), null, null, null, false, 0L));
        return target(null, model);
    }

    @PostMapping(BASE + "/ziele/neu")
    String createTarget(@Valid @ModelAttribute("form") TargetForm form, BindingResult result, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        return saveTarget(null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/ziele/{id}")
    String editTarget(@PathVariable long id, Model model) {
        model.addAttribute("form", TargetForm.of(requireTarget(id)));
        return target(id, model);
    }

    @PostMapping(BASE + "/ziele/{id}")
    String updateTarget(@PathVariable long id, @Valid @ModelAttribute("form") TargetForm form, BindingResult result,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireTarget(id);
        return saveTarget(id, form, result, model, response, redirect);
    }

    @PostMapping(BASE + "/ziele/{id}/loeschen")
    String deleteTarget(@PathVariable long id, RedirectAttributes redirect) {
        if (!title.deleteTarget(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "fairtrade.admin.deleted");
        return "redirect:" + BASE;
    }

    private String saveTarget(Long id, TargetForm form, BindingResult result, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        return FormPatterns.save(result, model, response, "year", () -> {
            if (id != null && model.containsAttribute("conflict")) {
                model.addAttribute("form", form.withVersion(requireTarget(id).version()));
            }
            return target(id, model);
        }, () -> {
            title.saveTarget(id, new Target(form.year(), form.shops(), form.gastronomy(), form.press(),
                    Boolean.TRUE.equals(form.councilResolution())), form.version() == null ? 0 : form.version());
            redirect.addFlashAttribute("success", "fairtrade.admin.saved");
            return "redirect:" + BASE;
        });
    }

    private String target(Long id, Model model) {
        model.addAttribute("id", id);
        return "fairtrade/admin/target";
    }

    private YearTarget requireTarget(long id) {
        return title.target(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
