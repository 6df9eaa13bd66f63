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
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logo and photos of a listing, the pages and uploads shared by its owners ({@link OwnerListingImagesController},
 * /konto/eintraege/{id}/bilder) and staff ({@link AdminListingImagesController}, /admin/unternehmen/{id}/bilder).
 * Someone else's listing is "not found", never "forbidden".
 */
@Component
class ListingImagesEditor {

    static final String OWNER = "/konto/eintraege/{id}/bilder";
    static final String STAFF = "/admin/unternehmen/{id}/bilder";

    private final Listings listings;
    private final BusinessImageService images;

    ListingImagesEditor(Listings listings, BusinessImageService images) {
        this.listings = listings;
        this.images = images;
    }


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

    String add(Listing listing, boolean staff, String kindParam, MultipartFile file, String alt, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        Kind kind = "logo".equals(kindParam) ? Kind.LOGO : Kind.PHOTO;
        String form = kind == Kind.LOGO ? "logo" : "foto";
        Map<String, String> errors = checkAlt(alt);
        byte[] bytes = null;
        if (file == null || file.isEmpty()) {
            errors.put("datei", "directory.images.error.missing");
        } else if (file.getSize() > BusinessImageService.MAX_BYTES) {
            return refuseTooLarge(listing, staff, model, form, alt, response);
        } else if ((bytes = read(file)) == null) {
            errors.put("datei", "directory.images.error.broken");
        }
        if (errors.isEmpty()) {
            try {
                images.add(listing.id(), kind, bytes, alt);
                redirect.addFlashAttribute("success", kind == Kind.LOGO ? "directory.images.logoSaved" : "directory.images.photoSaved");
                return "redirect:" + base(listing, staff);
            } catch (ImageRejectedException e) {
                errors.put("datei", e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(listing, staff, model, form, errors, alt);
    }

    String replace(Listing listing, boolean staff, long imageId, MultipartFile file, String alt, Model model,
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
            errors.put("datei", "directory.images.error.broken");
        }
        if (errors.isEmpty()) {
            try {
                images.replace(listing.id(), imageId, bytes, alt)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
                redirect.addFlashAttribute("success", "directory.images.changed");
                return "redirect:" + base(listing, staff);
            } catch (ImageRejectedException e) {
                errors.put("datei", e.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(listing, staff, model, form, errors, alt);
    }

    String delete(Listing listing, boolean staff, long imageId, RedirectAttributes redirect) {
        if (!images.delete(listing.id(), imageId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "directory.images.deleted");
        return "redirect:" + base(listing, staff);
    }

    ResponseEntity<byte[]> preview(Listing listing, long imageId) {
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
        errors.put("datei", "directory.images.error.tooLarge");
        return page(listing, staff, model, form, errors, alt);
    }

    private static Map<String, String> checkAlt(String alt) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (alt == null || alt.isBlank()) {
            errors.put("alt", "directory.images.error.altMissing");
        } else if (alt.strip().length() > BusinessImageService.MAX_ALT) {
            errors.put("alt", "directory.images.error.altTooLong");
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
