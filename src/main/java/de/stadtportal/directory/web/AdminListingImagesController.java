package de.stadtportal.directory.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff add, replace and delete the logo and photos of any listing. */
@Controller
class AdminListingImagesController {

    private final ListingImagesEditor editor;

    AdminListingImagesController(ListingImagesEditor editor) {
        this.editor = editor;
    }

    @GetMapping(ListingImagesEditor.STAFF)
    String staffPage(@PathVariable long id, Model model) {
        return editor.page(editor.existing(id), true, model, null, Map.of(), null);
    }

    @PostMapping(ListingImagesEditor.STAFF)
    String staffAdd(@PathVariable long id, @RequestParam(name = "art", required = false) String kind,
                    @RequestParam(name = "datei", required = false) MultipartFile file,
                    @RequestParam(required = false) String alt, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return editor.add(editor.existing(id), true, kind, file, alt, model, redirect, response);
    }

    @PostMapping(ListingImagesEditor.STAFF + "/{imageId}")
    String staffReplace(@PathVariable long id, @PathVariable long imageId,
                        @RequestParam(name = "datei", required = false) MultipartFile file,
                        @RequestParam(required = false) String alt, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        return editor.replace(editor.existing(id), true, imageId, file, alt, model, redirect, response);
    }

    @PostMapping(ListingImagesEditor.STAFF + "/{imageId}/loeschen")
    String staffDelete(@PathVariable long id, @PathVariable long imageId, RedirectAttributes redirect) {
        return editor.delete(editor.existing(id), true, imageId, redirect);
    }

    @GetMapping(ListingImagesEditor.STAFF + "/{imageId}")
    ResponseEntity<byte[]> staffPreview(@PathVariable long id, @PathVariable long imageId) {
        return editor.preview(editor.existing(id), imageId);
    }
}
