package de.stadtportal.news.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import de.stadtportal.news.NewsTopic;
import de.stadtportal.news.domain.NewsCatalog;
import de.stadtportal.news.domain.NewsData;
import de.stadtportal.news.domain.NewsItem;
import de.stadtportal.news.domain.NewsEditing;
import de.stadtportal.news.domain.StaleNewsException;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.RichText;
import de.stadtportal.platform.images.ImageProcessor;
import de.stadtportal.platform.images.ImageProcessor.Processed;
import de.stadtportal.platform.images.ImageRejectedException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.CacheControl;
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
 * Staff: news – list, write, change, delete. "Vorschau" shows the item as visitors will see it without
 * saving; a save over someone else's newer save gets a 409 with the input kept.
 */
@Controller
class AdminNewsController {

    static final String BASE = "/admin/aktuelles";
    /** The longest side of a news image; larger uploads are scaled down. */
    static final int IMAGE_SIDE = 1600;

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
        Processed image = checkImage(form, null, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(null, model);
        }
        if (preview != null) {
            return preview(null, form, image, model);
        }
        long id = editing.create(form.data(), image);
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
        Processed image = checkImage(form, item, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(item, model);
        }
        if (preview != null) {
            return preview(item, form, image, model);
        }
        try {
            Long kept = item.image() != null && !form.removes() ? item.data().imageId() : null;
            editing.change(id, form.version(), form.data(kept), image);
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

    /** An item's image for the staff's form, also before the item is published; not cached by proxies. */
    @GetMapping(BASE + "/{id}/bilder/{imageId}")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long imageId) {
        NewsCatalog.ImageData image = catalog.image(id, imageId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(image.data());
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

    /**
     * The input as visitors would see it, rendered and cleaned exactly like a saved item; nothing is saved.
     * The image is the one a save would publish: the file just chosen (shown from its checked, re-encoded bytes,
     * since nothing is stored yet), else the item's stored image unless "remove" is ticked.
     */
    private String preview(NewsItem item, NewsForm form, Processed upload, Model model) {
        NewsData data = form.data();
        PreviewImage image = null;
        Localized alt = Localized.of(data.imageAlt(), data.imageAltEn());
        if (upload != null) {
            image = new PreviewImage("data:" + upload.contentType() + ";base64," + Base64.getEncoder().encodeToString(upload.data()),
                    alt, upload.width(), upload.height(), true);
        } else if (item != null && item.image() != null && !form.removes()) {
            image = new PreviewImage(BASE + "/" + item.id() + "/bilder/" + item.data().imageId(), alt, item.image().width(),
                    item.image().height(), false);
        }
        model.addAttribute("preview", new Preview(Localized.of(data.title(), data.titleEn()), Localized.of(data.teaser(), data.teaserEn()),
                Localized.of(RichText.toHtml(data.body()), data.bodyEn() == null ? null : RichText.toHtml(data.bodyEn())),
                data.publishAt(), data.topics(), !data.publishAt().toInstant().isAfter(catalog.now()), image));
        return show(item, model);
    }

    /**
     * @param due   whether the publish time has passed, so saving publishes at once
     * @param image null when the item will have none
     */
    record Preview(Localized title, Localized teaser, Localized body, ZonedDateTime publishAt, List<NewsTopic> topics, boolean due,
                   PreviewImage image) {
    }

    /**
     * The image of a preview. @param src a data: address for a file just chosen (the CSP allows data: images),
     * else the staff's address of the stored image; @param upload whether it is a file not saved yet
     */
    record PreviewImage(String src, Localized alt, int width, int height, boolean upload) {
    }

    private String show(NewsItem item, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("now", catalog.now());
        model.addAttribute("english", java.util.Locale.ENGLISH);
        model.addAttribute("topicChoices", Arrays.stream(NewsTopic.values()).map(t -> new Choice(t.name(), t.labelKey())).toList());
        return "admin/news/edit";
    }

    /**
     * Checks the chosen file (size, then ImageProcessor: format, pixels, readable) and that an image the item
     * will have comes with alt text; problems become field errors. @return the re-encoded upload, or null
     */
    private static Processed checkImage(NewsForm form, NewsItem item, BindingResult result) {
        Processed processed = null;
        if (form.uploads()) {
            if (form.image().getSize() > ImageProcessor.MAX_BYTES) {
                result.rejectValue("image", "news.admin.image.error.tooLarge");
            } else {
                try {
                    processed = ImageProcessor.process(form.image().getBytes(), IMAGE_SIDE, false);
                } catch (ImageRejectedException e) {
                    result.rejectValue("image", "news.admin.image.error." + e.reason());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        boolean keeps = item != null && item.image() != null && !form.removes();
        if ((form.uploads() || keeps) && (form.imageAlt() == null || form.imageAlt().isBlank())
                && !result.hasFieldErrors("imageAlt")) {
            result.rejectValue("imageAlt", "news.admin.image.error.altMissing");
        }
        return processed;
    }

    private NewsItem require(long id) {
        return catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
