package de.stadtportal.directory.web;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.directory.domain.BusinessImageService;
import de.stadtportal.directory.domain.BusinessImageService.ImageData;
import de.stadtportal.directory.domain.BusinessImageService.Kind;
import de.stadtportal.directory.domain.BusinessImageService.StoredImage;
import de.stadtportal.platform.images.ImageRejectedException;
import de.stadtportal.directory.domain.Listings;
import de.stadtportal.directory.domain.Listings.Listing;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logo and photos of a listing, for its owners (/konto/eintraege/{id}/bilder) and for staff
 * (/admin/unternehmen/{id}/bilder). Someone else's listing is "not found", never "forbidden".
 */
@Controller
class ListingImagesController {

    static final String OWNER = "/konto/eintraege/{id}/bilder";
    static final String STAFF = "/admin/unternehmen/{id}/bilder";

    private final Listings listings;
    private final BusinessImageService images;

    ListingImagesController(Listings listings, BusinessImageService images) {
        this.listings = listings;
        this.images = images;
    }

    // ---- owners

    @GetMapping(OWNER)
    String ownerPage(@PathVariable long id, Principal principal, Model model) {
        return page(owned(id, principal), false, model, null, Map.of(), null);
    }

    @PostMapping(OWNER)
    String ownerAdd(@PathVariable long id, @RequestParam(name = "art", required = false) String kind,
                    @RequestParam(name = "datei", required = false) MultipartFile file,
                    @RequestParam(required = false) String alt, Principal principal, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return add(owned(id, principal), false, kind, file, alt, model, redirect, response);
    }

    @PostMapping(OWNER + "/{imageId}")
    String ownerReplace(@PathVariable long id, @PathVariable long imageId,
                        @RequestParam(name = "datei", required = false) MultipartFile file,
                        @RequestParam(required = false) String alt, Principal principal, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        return replace(owned(id, principal), false, imageId, file, alt, model, redirect, response);
    }

    @PostMapping(OWNER + "/{imageId}/loeschen")
    String ownerDelete(@PathVariable long id, @PathVariable long imageId, Principal principal, RedirectAttributes redirect) {
        return delete(owned(id, principal), false, imageId, redirect);
    }

    @GetMapping(OWNER + "/{imageId}")
    ResponseEntity<byte[]> ownerPreview(@PathVariable long id, @PathVariable long imageId, Principal principal) {
        return preview(owned(id, principal), imageId);
    }

    // ---- staff

    @GetMapping(STAFF)
    String staffPage(@PathVariable long id, Model model) {
        return page(existing(id), true, model, null, Map.of(), null);
    }

    @PostMapping(STAFF)
    String staffAdd(@PathVariable long id, @RequestParam(name = "art", required = false) String kind,
                    @RequestParam(name = "datei", required = false) MultipartFile file,
                    @RequestParam(required = false) String alt, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return add(existing(id), true, kind, file, alt, model, redirect, response);
    }

    @PostMapping(STAFF + "/{imageId}")
    String staffReplace(@PathVariable long id, @PathVariable long imageId,
                        @RequestParam(name = "datei", required = false) MultipartFile file,
                        @RequestParam(required = false) String alt, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        return replace(existing(id), true, imageId, file, alt, model, redirect, response);
    }

    @PostMapping(STAFF + "/{imageId}/loeschen")
    String staffDelete(@PathVariable long id, @PathVariable long imageId, RedirectAttributes redirect) {
        return delete(existing(id), true, imageId, redirect);
    }

    @GetMapping(STAFF + "/{imageId}")
    ResponseEntity<byte[]> staffPreview(@PathVariable long id, @PathVariable long imageId) {
        return preview(existing(id), imageId);
    }

    // ---- shared

    Listing owned(long id, Principal principal) {
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return listings.findOwned(id, principal.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    Listing existing(long id) {
        return listings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String base(Listing listing, boolean staff) {
        return (staff ? STAFF : OWNER).replace("{id}", Long.toString(listing.id()));
    }

    /**
     * The page with its forms; after a refused upload {@code form} names the form ("logo", "foto" or
     * "bild-{id}") whose {@code errors} (field → message key) are shown next to the fields.
     */
    String page(Listing listing, boolean staff, Model model, String form, Map<String, String> errors, String alt) {
        List<StoredImage> all = images.of(listing.id());
        model.addAttribute("listing", listing);
        model.addAttribute("staff", staff);
        model.addAttribute("base", base(listing, staff));
        model.addAttribute("logo", all.stream().filter(i -> i.kind() == Kind.LOGO).findFirst().orElse(null));
        List<StoredImage> photos = all.stream().filter(i -> i.kind() == Kind.PHOTO).toList();
        model.addAttribute("photos", photos);
        model.addAttribute("maxPhotos", BusinessImageService.MAX_PHOTOS);
        model.addAttribute("photosFull", photos.size() >= BusinessImageService.MAX_PHOTOS);
        model.addAttribute("maxAlt", BusinessImageService.MAX_ALT);
        model.addAttribute("failedForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("altValue", alt);
        return "directory/images";
    }

    private String add(Listing listing, boolean staff, String kindParam, MultipartFile file, String alt, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        Kind kind = "logo".equals(kindParam) ? Kind.LOGO : Kind.PHOTO;
        String form = kind == Kind.LOGO ? "logo" : "foto";
        Map<String, String> errors = checkAlt(alt);
        byte[] bytes = null;
        if (file == null || file.isEmpty()) {
            errors.put("datei", "images.error.missing");
        } else if (file.getSize() > BusinessImageService.MAX_BYTES) {
            return refuseTooLarge(listing, staff, model, form, alt, response);
        } else if ((bytes = read(file)) == null) {
            errors.put("datei", "images.error.broken");
        }
        if (errors.isEmpty()) {
            try {
                images.add(listing.id(), kind, bytes, alt);
                redirect.addFlashAttribute("success", kind == Kind.LOGO ? "images.logoSaved" : "images.photoSaved");
                return "redirect:" + base(listing, staff);
            } catch (ImageRejectedException e) {
                errors.put("datei", e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(listing, staff, model, form, errors, alt);
    }

    private String replace(Listing listing, boolean staff, long imageId, MultipartFile file, String alt, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        String form = "bild-" + imageId;
        if (images.of(listing.id()).stream().noneMatch(i -> i.id() == imageId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, String> errors = checkAlt(alt);
        byte[] bytes = null;
        if (file != null && file.getSize() > BusinessImageService.MAX_BYTES) {
            return refuseTooLarge(listing, staff, model, form, alt, response);
        } else if (file != null && !file.isEmpty() && (bytes = read(file)) == null) {
            errors.put("datei", "images.error.broken");
        }
        if (errors.isEmpty()) {
            try {
                images.replace(listing.id(), imageId, bytes, alt)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
                redirect.addFlashAttribute("success", "images.changed");
                return "redirect:" + base(listing, staff);
            } catch (ImageRejectedException e) {
                errors.put("datei", e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(listing, staff, model, form, errors, alt);
    }

    private String delete(Listing listing, boolean staff, long imageId, RedirectAttributes redirect) {
        if (!images.delete(listing.id(), imageId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "images.deleted");
        return "redirect:" + base(listing, staff);
    }

    private ResponseEntity<byte[]> preview(Listing listing, long imageId) {
        ImageData image = images.image(listing.id(), imageId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(image.contentType()))
                .body(image.data());
    }

    String refuseTooLarge(Listing listing, boolean staff, Model model, String form, String alt,
                          HttpServletResponse response) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        Map<String, String> errors = checkAlt(alt);
        errors.put("datei", "images.error.tooLarge");
        return page(listing, staff, model, form, errors, alt);
    }

    private static Map<String, String> checkAlt(String alt) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (alt == null || alt.isBlank()) {
            errors.put("alt", "images.error.altMissing");
        } else if (alt.strip().length() > BusinessImageService.MAX_ALT) {
            errors.put("alt", "images.error.altTooLong");
        }
        return errors;
    }

    private static byte[] read(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
