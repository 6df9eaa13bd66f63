package de.stadtportal.directory.web;

import java.security.Principal;
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

/** Owners add, replace and delete the logo and photos of their listings. */
@Controller
class OwnerListingImagesController {

    private final ListingImagesEditor editor;

    OwnerListingImagesController(ListingImagesEditor editor) {
        this.editor = editor;
    }

    @GetMapping(ListingImagesEditor.OWNER)
    String ownerPage(@PathVariable long id, Principal principal, Model model) {
        return editor.page(editor.owned(id, principal), false, model, null, Map.of(), null);
    }

    @PostMapping(ListingImagesEditor.OWNER)
    String ownerAdd(@PathVariable long id, @RequestParam(name = "art", required = false) String kind,
                    @RequestParam(name = "datei", required = false) MultipartFile file,
                    @RequestParam(required = false) String alt, Principal principal, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return editor.add(editor.owned(id, principal), false, kind, file, alt, model, redirect, response);
    }

    @PostMapping(ListingImagesEditor.OWNER + "/{imageId}")
    String ownerReplace(@PathVariable long id, @PathVariable long imageId,
                        @RequestParam(name = "datei", required = false) MultipartFile file,
                        @RequestParam(required = false) String alt, Principal principal, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        return editor.replace(editor.owned(id, principal), false, imageId, file, alt, model, redirect, response);
    }

    @PostMapping(ListingImagesEditor.OWNER + "/{imageId}/loeschen")
    String ownerDelete(@PathVariable long id, @PathVariable long imageId, Principal principal, RedirectAttributes redirect) {
        return editor.delete(editor.owned(id, principal), false, imageId, redirect);
    }

    @GetMapping(ListingImagesEditor.OWNER + "/{imageId}")
    ResponseEntity<byte[]> ownerPreview(@PathVariable long id, @PathVariable long imageId, Principal principal) {
        return editor.preview(editor.owned(id, principal), imageId);
    }
}
