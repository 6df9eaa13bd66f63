package de.stadtportal.fairtrade.web;

import java.time.LocalDate;

import de.stadtportal.fairtrade.domain.MemberKind;
import de.stadtportal.fairtrade.domain.NetworkService;
import de.stadtportal.fairtrade.domain.NetworkService.Action;
import de.stadtportal.fairtrade.domain.NetworkService.ActionData;
import de.stadtportal.fairtrade.domain.NetworkService.Member;
import de.stadtportal.fairtrade.domain.NetworkService.MemberData;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: the network's members and their Fairtrade actions. */
@Controller
class AdminNetworkController {

    static final String BASE = AdminFairtradeController.BASE;

    private final NetworkService network;

    AdminNetworkController(NetworkService network) {
        this.network = network;
    }

    record MemberForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String name,
            @NotNull(message = "{platform.validation.required}") MemberKind kind,
            @Size(max = 300, message = "{platform.validation.tooLong}") @Pattern(regexp = FormPatterns.URL, message = "{fairtrade.form.url}") String website,
            @Size(max = 500, message = "{platform.validation.tooLong}") @Pattern(regexp = FormPatterns.TEXT, message = "{fairtrade.form.control}") String description,
            Boolean listed, Long version) {

        static MemberForm of(Member m) {
            return new MemberForm(m.name(), m.kind(), m.website(), m.description(), m.listed(), m.version());
        }

        MemberForm withVersion(long current) {
            return new MemberForm(name, kind, website, description, listed, current);
        }
    }

    record ActionForm(
            @NotNull(message = "{platform.validation.required}") Long memberId,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 200, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String title,
            @NotNull(message = "{platform.validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            Long version) {

        static ActionForm of(Action a) {
            return new ActionForm(a.memberId(), a.title(), a.heldOn(), a.version());
        }

        ActionForm withVersion(long current) {
            return new ActionForm(memberId, title, heldOn, current);
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE + "/mitglieder/neu")
    String newMember(Model model) {
        model.addAttribute("form", new MemberForm(null, null, null, null, true, 0L));
        return member(null, model);
    }

    @PostMapping(BASE + "/mitglieder/neu")
    String createMember(@Valid @ModelAttribute("form") MemberForm form, BindingResult result, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        return saveMember(null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/mitglieder/{id}")
    String editMember(@PathVariable long id, Model model) {
        model.addAttribute("form", MemberForm.of(requireMember(id)));
        return member(id, model);
    }

    @PostMapping(BASE + "/mitglieder/{id}")
    String updateMember(@PathVariable long id, @Valid @ModelAttribute("form") MemberForm form, BindingResult result,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireMember(id);
        return saveMember(id, form, result, model, response, redirect);
    }

    @PostMapping(BASE + "/mitglieder/{id}/loeschen")
    String deleteMember(@PathVariable long id, RedirectAttributes redirect) {
        if (!network.deleteMember(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "fairtrade.admin.deleted");
        return "redirect:" + BASE;
    }

    private String saveMember(Long id, MemberForm form, BindingResult result, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        return FormPatterns.save(result, model, response, "name", () -> {
            if (id != null && model.containsAttribute("conflict")) {
                model.addAttribute("form", form.withVersion(requireMember(id).version()));
            }
            return member(id, model);
        }, () -> {
            long saved = network.saveMember(id, new MemberData(form.name(), form.kind(), form.website(), form.description(),
                    Boolean.TRUE.equals(form.listed())), form.version() == null ? 0 : form.version());
            redirect.addFlashAttribute("success", "fairtrade.admin.saved");
            return "redirect:" + BASE + "/mitglieder/" + saved;
        });
    }

    private String member(Long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("kinds", Choice.of(MemberKind.values(), MemberKind::label));
        model.addAttribute("actions", id == null ? java.util.List.of()
                : network.actions(null).stream().filter(a -> a.memberId() == id).toList());
        return "fairtrade/admin/member";
    }

    private Member requireMember(long id) {
        return network.member(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping(BASE + "/aktionen/neu")
    String newAction(@RequestParam(name = "mitglied", required = false) Long memberId, Model model) {
        model.addAttribute("form", new ActionForm(memberId, null, null, 0L));
        return action(null, model);
    }

    @PostMapping(BASE + "/aktionen/neu")
    String createAction(@Valid @ModelAttribute("form") ActionForm form, BindingResult result, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        return saveAction(null, form, result, model, response, redirect);
    }

    @GetMapping(BASE + "/aktionen/{id}")
    String editAction(@PathVariable long id, Model model) {
        model.addAttribute("form", ActionForm.of(requireAction(id)));
        return action(id, model);
    }

    @PostMapping(BASE + "/aktionen/{id}")
    String updateAction(@PathVariable long id, @Valid @ModelAttribute("form") ActionForm form, BindingResult result,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireAction(id);
        return saveAction(id, form, result, model, response, redirect);
    }

    @PostMapping(BASE + "/aktionen/{id}/loeschen")
    String deleteAction(@PathVariable long id, RedirectAttributes redirect) {
        if (!network.deleteAction(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "fairtrade.admin.deleted");
        return "redirect:" + BASE;
    }

    private String saveAction(Long id, ActionForm form, BindingResult result, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        if (result.getTarget() != null && form.memberId() != null && network.member(form.memberId()).isEmpty()) {
            result.rejectValue("memberId", "fairtrade.form.unknownMember");
        }
        if (result.getTarget() != null && form.heldOn() != null && (form.heldOn().getYear() < 2000 || form.heldOn().getYear() > 2100)) {
            result.rejectValue("heldOn", "fairtrade.form.date");
        }
        return FormPatterns.save(result, model, response, "title", () -> {
            if (id != null && model.containsAttribute("conflict")) {
                model.addAttribute("form", form.withVersion(requireAction(id).version()));
            }
            return action(id, model);
        }, () -> {
            network.saveAction(id, new ActionData(form.memberId(), form.title(), form.heldOn()),
                    form.version() == null ? 0 : form.version());
            redirect.addFlashAttribute("success", "fairtrade.admin.saved");
            return "redirect:" + BASE + "/mitglieder/" + form.memberId();
        });
    }

    private String action(Long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("memberChoices", network.members(false).stream()
                .map(m -> new Choice(String.valueOf(m.id()), m.name())).toList());
        return "fairtrade/admin/action";
    }

    private Action requireAction(long id) {
        return network.action(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
