package de.stadtportal.directory.web;

import java.security.Principal;
import java.util.Locale;

import de.stadtportal.directory.domain.TopicTextService;
import de.stadtportal.directory.domain.TopicTextService.TopicText;
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

/** Staff write the text above the lists of the topic pages ({@link TopicController}), or reset it to the built-in one. */
@Controller
class AdminTopicController {

    private final TopicTextService texts;
    private final MessageSource messages;

    AdminTopicController(TopicTextService texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    record TopicForm(@NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}") String german,
                     @NotBlank(message = "{platform.validation.required}") @Size(max = 5000, message = "{platform.validation.tooLong}") String english) {
    }

    @GetMapping("/admin/unternehmen/themen")
    String topics(Model model) {
        model.addAttribute("topics", TopicTextService.TOPICS);
        return "admin/directory/topics";
    }

    @GetMapping("/admin/unternehmen/themen/{topic}")
    String edit(@PathVariable String topic, Model model) {
        known(topic);
        // until staff write their own, the editor shows the built-in text the page shows now
        TopicText text = texts.find(topic).orElseGet(() -> new TopicText(builtIn(topic, Locale.GERMAN), builtIn(topic, Locale.ENGLISH)));
        model.addAttribute("form", new TopicForm(text.german(), text.english()));
        model.addAttribute("topic", topic);
        return "admin/directory/topic-edit";
    }

    @PostMapping("/admin/unternehmen/themen/{topic}")
    String save(@PathVariable String topic, @Valid @ModelAttribute("form") TopicForm form, BindingResult result,
                Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        known(topic);
        if (result.hasErrors()) {
            model.addAttribute("topic", topic);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/directory/topic-edit";
        }
        texts.save(topic, new TopicText(form.german(), form.english()), principal.getName());
        redirect.addFlashAttribute("success", "directory.topics.saved");
        return "redirect:/admin/unternehmen/themen";
    }

    @PostMapping("/admin/unternehmen/themen/{topic}/zuruecksetzen")
    String reset(@PathVariable String topic, RedirectAttributes redirect) {
        known(topic);
        texts.reset(topic);
        redirect.addFlashAttribute("success", "directory.topics.reset");
        return "redirect:/admin/unternehmen/themen";
    }

    /** The page's built-in intro and text, as two paragraphs. */
    private String builtIn(String topic, Locale locale) {
        return messages.getMessage("directory.topic." + topic + ".intro", null, locale) + "\n\n"
                + messages.getMessage("directory.topic." + topic + ".text", null, locale);
    }

    private static void known(String topic) {
        if (!TopicTextService.TOPICS.contains(topic)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
