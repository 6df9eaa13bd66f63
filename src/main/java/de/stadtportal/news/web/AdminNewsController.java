package de.stadtportal.news.web;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import de.stadtportal.news.NewsTopic;
import de.stadtportal.news.domain.NewsCatalog;
import de.stadtportal.news.domain.NewsData;
import de.stadtportal.news.domain.NewsItem;
import de.stadtportal.news.domain.NewsEditing;
import de.stadtportal.news.domain.StaleNewsException;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.RichText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff: news – list, write, change, delete. "Vorschau" shows the item as visitors will see it without
 * saving; a save over someone else's newer save gets a 409 with the input kept.
 */
@Controller
class AdminNewsController {

    static final String BASE = "/admin/aktuelles";

    private final NewsCatalog catalog;
    private final NewsEditing editing;

    AdminNewsController(NewsCatalog catalog, NewsEditing editing) {
        this.catalog = catalog;
        this.editing = editing;
    }

    /** A checkbox of the topics: value and message key. */
    record Choice(String value, String label) {
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("items", catalog.all());
        model.addAttribute("now", catalog.now());
        return "admin/news/list";
    }

    @GetMapping(BASE + "/neu")
    String create(Model model) {
        model.addAttribute("form", NewsForm.empty(ZonedDateTime.ofInstant(catalog.now(), de.stadtportal.platform.PlatformConfiguration.CITY_ZONE)));
        return show(null, model);
    }

    @PostMapping(BASE + "/neu")
    String create(@Valid @ModelAttribute("form") NewsForm form, BindingResult result,
                  @RequestParam(name = "vorschau", required = false) String preview, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        form.check(result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(null, model);
        }
        if (preview != null) {
            return preview(null, form.data(), model);
        }
        long id = editing.create(form.data());
        redirect.addFlashAttribute("success", "news.admin.saved");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, Model model) {
        NewsItem item = require(id);
        model.addAttribute("form", NewsForm.of(item));
        return show(item, model);
    }

    @PostMapping(BASE + "/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") NewsForm form, BindingResult result,
                @RequestParam(name = "vorschau", required = false) String preview, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        NewsItem item = require(id);
        form.check(result);
        if (form.version() == null) {
            result.reject("news.admin.noVersion");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(item, model);
        }
        if (preview != null) {
            return preview(item, form.data(), model);
        }
        try {
            editing.change(id, form.version(), form.data());
        } catch (StaleNewsException e) {
            NewsItem current = require(id);
            model.addAttribute("form", form.withVersion(current.version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(current, model);
        }
        redirect.addFlashAttribute("success", "news.admin.saved");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/versionen")
    String versions(@PathVariable long id, Model model) {
        NewsItem item = require(id);
        model.addAttribute("title", item.data().title());
        model.addAttribute("back", BASE + "/" + id);
        model.addAttribute("versions", editing.versions(id));
        return "admin/versions";
    }

    @PostMapping(BASE + "/{id}/versionen/{number}/wiederherstellen")
    String restore(@PathVariable long id, @PathVariable int number, RedirectAttributes redirect) {
        if (!editing.restore(id, number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "admin.versions.restored");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/loeschen")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        if (!editing.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "news.admin.deleted");
        return "redirect:" + BASE;
    }

    /** The input as visitors would see it, rendered and cleaned exactly like a saved item; nothing is saved. */
    private String preview(NewsItem item, NewsData data, Model model) {
        model.addAttribute("preview", new Preview(Localized.of(data.title(), data.titleEn()), Localized.of(data.teaser(), data.teaserEn()),
                Localized.of(RichText.toHtml(data.body()), data.bodyEn() == null ? null : RichText.toHtml(data.bodyEn())),
                data.publishAt(), data.topics(), !data.publishAt().toInstant().isAfter(catalog.now())));
        return show(item, model);
    }

    /** @param due whether the publish time has passed, so saving publishes at once */
    record Preview(Localized title, Localized teaser, Localized body, ZonedDateTime publishAt, List<NewsTopic> topics, boolean due) {
    }

    private String show(NewsItem item, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("now", catalog.now());
        model.addAttribute("english", java.util.Locale.ENGLISH);
        model.addAttribute("topicChoices", Arrays.stream(NewsTopic.values()).map(t -> new Choice(t.name(), t.labelKey())).toList());
        return "admin/news/edit";
    }

    private NewsItem require(long id) {
        return catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
