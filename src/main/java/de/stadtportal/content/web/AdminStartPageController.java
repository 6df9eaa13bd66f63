package de.stadtportal.content.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.content.domain.StartPageService;
import de.stadtportal.content.domain.StartPageService.Highlight;
import de.stadtportal.content.domain.StartPageService.StaleStartPageException;
import de.stadtportal.content.domain.StartPageService.StartPage;
import de.stadtportal.content.domain.StartPageService.StartPageData;
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
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: the start page's introduction, highlights and order of sections. The editor opens with what visitors see now. */
@Controller
class AdminStartPageController {

    static final String BASE = "/admin/startseite";
    /** The longest side of a highlight's image; larger uploads are scaled down. */
    static final int IMAGE_SIDE = 1200;

    private final StartPageService startPage;
    private final org.springframework.context.MessageSource messages;

    AdminStartPageController(StartPageService startPage, org.springframework.context.MessageSource messages) {
        this.startPage = startPage;
        this.messages = messages;
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(BASE)
    String edit(Model model) {
        StartPageData data = startPage.data();
        model.addAttribute("form", StartPageForm.of(data));
        return show(data, model);
    }

    /** An image for staff's editor; not cached by proxies. */
    @GetMapping(BASE + "/bilder/{id}")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        StartPageService.ImageData image = startPage.image(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(image.data());
    }

    /**
     * A highlight of the preview with the image a save would publish. @param imageSrc a data: address for a file just
     * chosen (nothing is stored yet; the CSP allows data: images), the staff's address of a stored image, or null
     */
    record PreviewHighlight(Highlight highlight, String imageSrc, int width, int height, boolean upload) {
    }

    private static List<PreviewHighlight> previewHighlights(List<Highlight> highlights, Map<Integer, Processed> uploads) {
        List<PreviewHighlight> shown = new java.util.ArrayList<>();
        for (int i = 0; i < highlights.size(); i++) {
            Highlight h = highlights.get(i);
            Processed upload = uploads.get(i);
            if (upload != null) {
                shown.add(new PreviewHighlight(h, "data:" + upload.contentType() + ";base64,"
                        + java.util.Base64.getEncoder().encodeToString(upload.data()), upload.width(), upload.height(), true));
            } else if (h.image() != null) {
                shown.add(new PreviewHighlight(h, BASE + "/bilder/" + h.image().id(), h.image().width(), h.image().height(), false));
            } else {
                shown.add(new PreviewHighlight(h, null, 0, 0, false));
            }
        }
        return shown;
    }

    private String show(StartPageData data, Model model) {
        // row i of the form shows the image highlight i has now
        model.addAttribute("currentHighlights", data.highlights());
        return "admin/content/start-page";
    }

    /**
     * Checks each chosen file (size, then ImageProcessor) and that a highlight with an image has alt text;
     * problems become errors next to the row's fields. @return the re-encoded uploads by form row
     */
    private static Map<Integer, Processed> checkImages(StartPageForm form, List<Highlight> current, BindingResult result) {
        Map<Integer, Processed> uploads = new HashMap<>();
        for (int i = 0; form.highlights() != null && i < Math.min(form.highlights().size(), StartPageService.MAX_HIGHLIGHTS); i++) {
            StartPageForm.HighlightRow row = form.highlights().get(i);
            if (row == null || row.blank()) {
                continue;
            }
            String path = "highlights[" + i + "]";
            if (row.uploads()) {
                if (row.image().getSize() > ImageProcessor.MAX_BYTES) {
                    result.rejectValue(path + ".image", "content.start.image.error.tooLarge");
                } else {
                    try {
                        uploads.put(i, ImageProcessor.process(row.image().getBytes(), IMAGE_SIDE, false));
                    } catch (ImageRejectedException e) {
                        result.rejectValue(path + ".image", "content.start.image.error." + e.reason());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            boolean keeps = i < current.size() && current.get(i).image() != null && !row.removes();
            if ((row.uploads() || keeps) && (row.imageAlt() == null || row.imageAlt().isBlank())
                    && !result.hasFieldErrors(path + ".imageAlt")) {
                result.rejectValue(path + ".imageAlt", "content.start.image.error.altMissing");
            }
        }
        return uploads;
    }

    @PostMapping(BASE)
    String save(@Valid @ModelAttribute("form") StartPageForm form, BindingResult result,
                @org.springframework.web.bind.annotation.RequestParam(name = "vorschau", required = false) String preview, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        form.check(result);
        StartPageData now = startPage.data();
        Map<Integer, Processed> uploads = checkImages(form, now.highlights(), result);
        if (result.hasErrors()) {
            // the errors travel to the padded form, so all six rows show with their messages
            BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form.withSixRows(), "form");
            errors.addAllErrors(result);
            model.addAttribute("form", errors.getTarget());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(now, model);
        }
        if (preview != null) {
            // rendered and cleaned exactly like a saved page, with the images a save would publish; nothing is saved
            StartPageForm.Prepared prepared = form.prepared(now.highlights(), uploads);
            StartPageData data = prepared.data();
            StartPageService.Texts texts = data.texts();
            model.addAttribute("preview", StartPage.rendered(texts, data.highlights(), data.sections()));
            model.addAttribute("previewHighlights", previewHighlights(data.highlights(), prepared.images()));
            // the English version only when staff wrote some English
            model.addAttribute("previewEnglish", texts.all().stream().anyMatch(t -> t.en() != null) || data.highlights().stream()
                    .anyMatch(h -> h.titleEn() != null || h.textEn() != null || h.image() != null && h.image().altEn() != null));
            model.addAttribute("english", java.util.Locale.ENGLISH);
            model.addAttribute("form", form.withSixRows());
            return show(now, model);
        }
        try {
            StartPageForm.Prepared prepared = form.prepared(now.highlights(), uploads);
            startPage.save(prepared.data(), form.version(), prepared.images());
        } catch (StaleStartPageException e) {
            StartPageForm kept = form.withSixRows().withVersion(startPage.data().version());
            model.addAttribute("form", kept);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(kept, "form"));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(startPage.data(), model);
        }
        redirect.addFlashAttribute("success", "content.start.saved");
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/versionen")
    String versions(Model model, java.util.Locale locale) {
        model.addAttribute("title", messages.getMessage("content.start.admin.title", null, locale));
        model.addAttribute("back", BASE);
        model.addAttribute("versions", startPage.versions());
        return "admin/versions";
    }

    @PostMapping(BASE + "/versionen/{number}/wiederherstellen")
    String restore(@PathVariable int number, RedirectAttributes redirect) {
        if (!startPage.restore(number)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "admin.versions.restored");
        return "redirect:" + BASE;
    }
}
