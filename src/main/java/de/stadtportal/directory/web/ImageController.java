package de.stadtportal.directory.web;

import java.time.Duration;

import de.stadtportal.directory.domain.BusinessImageService;
import de.stadtportal.directory.domain.BusinessImageService.ImageData;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The images of published listings. An image never changes (a replaced one gets a new id), so it
 * is cached for a year as immutable; the id is its ETag.
 */
@Controller
class ImageController {

    private final BusinessImageService images;

    ImageController(BusinessImageService images) {
        this.images = images;
    }

    @GetMapping("/unternehmen/{slug}/bilder/{id:\\d{1,18}}.{extension:jpg|png}")
    ResponseEntity<byte[]> image(@PathVariable String slug, @PathVariable long id, @PathVariable String extension,
                                 WebRequest request) {
        ImageData image = images.publishedImage(slug, id)
                .filter(i -> i.extension().equals(extension))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String etag = "\"bild-" + image.id() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(cache)
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.data());
    }
}
