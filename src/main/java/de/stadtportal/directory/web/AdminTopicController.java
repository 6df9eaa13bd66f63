package de.stadtportal.directory.web;

import java.util.Locale;

import de.stadtportal.directory.domain.TopicTextService;
import de.stadtportal.directory.domain.TopicTextService.Data;
import de.stadtportal.directory.domain.TopicTextService.StaleTopicTextException;
import de.stadtportal.directory.domain.TopicTextService.TopicText;
import de.stadtportal.platform.PlainInput;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff write the text above the lists of the topic pages ({@link TopicController}), or reset it to the built-in one;
 * every change keeps the text before it as a version to restore in one click.
 */
@Controller
class AdminTopicController {

    static final String BASE = "/admin/unternehmen/themen";

    private final TopicTextService texts;
    private final MessageSource messages;

    AdminTopicController(TopicTextService texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    /** @param version the text's version the form was loaded at, so a save over someone else's is refused */
    record TopicForm(@NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}")
                     @PlainInput String german,
                     @NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}")
                     @PlainInput String english,
                     long version) {

        static TopicForm of(Data data) {
            return new TopicForm(data.text().german(), data.text().english(), data.version());
        }
    }

    @GetMapping(BASE)
    String topics(Model model) {
        model.addAttribute("topics", TopicTextService.TOPICS);
        return "admin/directory/topics";
    }

    @GetMapping(BASE + "/{topic}")
    String edit(@PathVariable String topic, Model model) {
        known(topic);
        // until staff write their own, the editor shows the built-in text the page shows now
        model.addAttribute("form", TopicForm.of(texts.data(topic)));
        model.addAttribute("topic", topic);
        return "admin/directory/topic-edit";
    }

    @PostMapping(BASE + "/{topic}")
    String save(@PathVariable String topic, @Valid @ModelAttribute("form") TopicForm form, BindingResult result,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        known(topic);
        model.addAttribute("topic", topic);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/directory/topic-edit";
        }
        try {
            texts.save(topic, new TopicText(form.german(), form.english()), form.version());
        } catch (StaleTopicTextException e) {
            // the bound input stays in the fields; the form carries the version now saved
            model.addAttribute("currentVersion", texts.data(topic).version());
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "admin/directory/topic-edit";
        }
        redirect.addFlashAttribute("success", "directory.topics.saved");
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{topic}/zuruecksetzen")
    String reset(@PathVariable String topic, RedirectAttributes redirect) {
        known(topic);
        texts.reset(topic);
        redirect.addFlashAttribute("success", "directory.topics.reset");
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/{topic}/versionen")
    String versions(@PathVariable String topic, Model model, Locale locale) {
        known(topic);
        model.addAttribute("title", messages.getMessage("directory.topic." + topic + ".title", null, locale));
        model.addAttribute("back", BASE + "/" + topic);
        model.addAttribute("versions", texts.versions(topic));
        return "admin/versions";
    }

    @PostMapping(BASE + "/{topic}/versionen/{number}/wiederherstellen")
    String restore(@PathVariable String topic, @PathVariable int number, RedirectAttributes redirect) {
        known(topic);
        if (!texts.restore(topic, number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "admin.versions.restored");
        return "redirect:" + BASE + "/" + topic;
    }

    private static void known(String topic) {
        if (!TopicTextService.TOPICS.contains(topic)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
