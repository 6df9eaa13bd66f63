package de.stadtportal.skilledworkers.web;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import de.stadtportal.skilledworkers.domain.GuideService;
import de.stadtportal.skilledworkers.domain.GuideService.Guide;
import de.stadtportal.skilledworkers.domain.GuideService.GuideText;
import de.stadtportal.skilledworkers.domain.OrientationService;
import de.stadtportal.skilledworkers.domain.OrientationService.ContactPoint;
import de.stadtportal.skilledworkers.domain.OrientationService.ContactPointData;
import de.stadtportal.skilledworkers.domain.OrientationService.Topic;
import de.stadtportal.skilledworkers.domain.OrientationService.TopicData;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
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

/** Staff (EDITOR, ADMIN): the orientation texts and contact points on /fachkraefte and the refugees' orientation in five languages. */
@Controller
class AdminOrientationController {

    static final String BASE = "/admin/fachkraefte";
    static final int MAX_BODY = 6000;

    private final OrientationService orientation;
    private final GuideService guides;

    AdminOrientationController(OrientationService orientation, GuideService guides) {
        this.orientation = orientation;
        this.guides = guides;
    }

    record GuideForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String title,
            @NotBlank(message = "{platform.validation.required}")
            @Pattern(regexp = FormRules.TEXT, message = "{skilledworkers.validation.control}") String body,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String contactsHeading,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String offersLink,
            String version) {

        static GuideForm of(Guide g) {
            return new GuideForm(g.text().title(), g.text().body(), g.text().contactsHeading(), g.text().offersLink(),
                    String.valueOf(g.version()));
        }
    }

    record TopicForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String title,
            @NotBlank(message = "{platform.validation.required}")
            @Pattern(regexp = FormRules.TEXT, message = "{skilledworkers.validation.control}") String body,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 300, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String office,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 200, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String sourceLabel,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 500, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "https://[^\\s<>\"]+", message = "{skilledworkers.validation.url}") String sourceUrl,
            @NotBlank(message = "{skilledworkers.validation.position}")
            @Pattern(regexp = "\\d{1,4}", message = "{skilledworkers.validation.position}") String position,
            String version) {

        static TopicForm of(Topic t) {
            TopicData d = t.data();
            return new TopicForm(d.title(), d.body(), d.office(), d.sourceLabel(), d.sourceUrl(), String.valueOf(d.position()),
                    String.valueOf(t.version()));
        }

        TopicForm withVersion(long current) {
            return new TopicForm(title, body, office, sourceLabel, sourceUrl, position, String.valueOf(current));
        }
    }

    record ContactPointForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String name,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 2000, message = "{platform.validation.tooLong}")
            @Pattern(regexp = FormRules.TEXT, message = "{skilledworkers.validation.control}") String helpsWith,
            @Size(max = 300, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String address,
            @Size(max = 300, message = "{platform.validation.tooLong}")
            @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{skilledworkers.validation.control}") String hours,
            @Size(max = 60, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "[0-9 +()/.\\-]*", message = "{skilledworkers.validation.phone}") String phone,
            @Email(message = "{platform.validation.email}") @Size(max = 320, message = "{platform.validation.tooLong}") String email,
            @Size(max = 500, message = "{platform.validation.tooLong}")
            @Pattern(regexp = "https://[^\\s<>\"]+", message = "{skilledworkers.validation.url}") String website,
            @NotBlank(message = "{skilledworkers.validation.position}")
            @Pattern(regexp = "\\d{1,4}", message = "{skilledworkers.validation.position}") String position,
            Boolean verified,
            String version) {

        static ContactPointForm of(ContactPoint c) {
            ContactPointData d = c.data();
            return new ContactPointForm(d.name(), d.helpsWith(), d.address(), d.hours(), d.phone(), d.email(), d.website(),
                    String.valueOf(d.position()), d.verified(), String.valueOf(c.version()));
        }

        ContactPointForm withVersion(long current) {
            return new ContactPointForm(name, helpsWith, address, hours, phone, email, website, position, verified,
                    String.valueOf(current));
        }
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String overview(Model model) {
        model.addAttribute("topics", orientation.topics());
        model.addAttribute("contactPoints", orientation.contactPoints());
        model.addAttribute("guides", guides.all());
        return "skilledworkers/admin/overview";
    }

    @GetMapping(BASE + "/orientierung/{language}")
    String guide(@PathVariable String language, Model model) {
        Guide guide = requireGuide(language);
        model.addAttribute("form", GuideForm.of(guide));
        return guidePage(guide, model);
    }

    @PostMapping(BASE + "/orientierung/{language}")
    String saveGuide(@PathVariable String language, @Valid @ModelAttribute("form") GuideForm form, BindingResult result,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Guide current = requireGuide(language);
        String body = FormRules.normalise(form.body());
        if (body != null && body.length() > MAX_BODY && !result.hasFieldErrors("body")) {
            result.rejectValue("body", "skilledworkers.validation.textTooLong", new Object[] {MAX_BODY, body.length()}, null);
        }
        long version = FormRules.version(form.version(), result);
        return save(result, model, response, redirect, () -> guidePage(current, model),
                () -> guides.save(language, version, new GuideText(form.title(), body, form.contactsHeading(), form.offersLink())),
                () -> new GuideForm(form.title(), form.body(), form.contactsHeading(), form.offersLink(),
                        String.valueOf(current.version())));
    }

    /**
     * The answer to a staff form: invalid input comes back with a 400; a save that finds a newer version
     * (someone else saved meanwhile) comes back with a 409, the input kept on the current version; else
     * back to the overview.
     */
    private static String save(BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect,
                               Supplier<String> page, BooleanSupplier save, Supplier<Object> formOnCurrentVersion) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.get();
        }
        if (!save.getAsBoolean()) {
            model.addAttribute("form", formOnCurrentVersion.get());
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return page.get();
        }
        redirect.addFlashAttribute("success", "skilledworkers.admin.saved");
        return "redirect:" + BASE;
    }

    private String guidePage(Guide guide, Model model) {
        model.addAttribute("guide", guide);
        model.addAttribute("maxBody", MAX_BODY);
        return "skilledworkers/admin/guide";
    }

    private Guide requireGuide(String language) {
        return guides.find(language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping(BASE + "/themen/{id}")
    String topic(@PathVariable long id, Model model) {
        Topic topic = requireTopic(id);
        model.addAttribute("form", TopicForm.of(topic));
        return topicPage(topic, model);
    }

    @PostMapping(BASE + "/themen/{id}")
    String saveTopic(@PathVariable long id, @Valid @ModelAttribute("form") TopicForm form, BindingResult result, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        Topic current = requireTopic(id);
        String body = FormRules.normalise(form.body());
        if (body != null && body.length() > MAX_BODY && !result.hasFieldErrors("body")) {
            result.rejectValue("body", "skilledworkers.validation.textTooLong", new Object[] {MAX_BODY, body.length()}, null);
        }
        long version = FormRules.version(form.version(), result);
        // the data only once the form is valid: the position is a number then
        return save(result, model, response, redirect, () -> topicPage(current, model),
                () -> orientation.saveTopic(id, version, new TopicData(form.title(), body, form.office(), form.sourceLabel(),
                        form.sourceUrl(), Integer.parseInt(form.position()))),
                () -> form.withVersion(current.version()));
    }

    @GetMapping(BASE + "/anlaufstellen/{id}")
    String contactPoint(@PathVariable long id, Model model) {
        ContactPoint point = requireContactPoint(id);
        model.addAttribute("form", ContactPointForm.of(point));
        return contactPointPage(point, model);
    }

    @PostMapping(BASE + "/anlaufstellen/{id}")
    String saveContactPoint(@PathVariable long id, @Valid @ModelAttribute("form") ContactPointForm form, BindingResult result,
                            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ContactPoint current = requireContactPoint(id);
        long version = FormRules.version(form.version(), result);
        return save(result, model, response, redirect, () -> contactPointPage(current, model),
                () -> orientation.saveContactPoint(id, version, new ContactPointData(form.name(),
                        FormRules.normalise(form.helpsWith()), form.address(), form.hours(), form.phone(), form.email(),
                        form.website(), Integer.parseInt(form.position()), Boolean.TRUE.equals(form.verified()))),
                () -> form.withVersion(current.version()));
    }

    private String topicPage(Topic topic, Model model) {
        model.addAttribute("topic", topic);
        model.addAttribute("maxBody", MAX_BODY);
        return "skilledworkers/admin/topic";
    }

    private String contactPointPage(ContactPoint point, Model model) {
        model.addAttribute("point", point);
        return "skilledworkers/admin/contact-point";
    }

    private Topic requireTopic(long id) {
        return orientation.topic(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ContactPoint requireContactPoint(long id) {
        return orientation.contactPoint(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
