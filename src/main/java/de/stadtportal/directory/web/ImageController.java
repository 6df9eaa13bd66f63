package de.stadtportal.directory.web;

import de.stadtportal.directory.domain.BusinessImageService;
import de.stadtportal.directory.domain.BusinessImageService.ImageData;
import de.stadtportal.platform.images.ImageResponses;
import org.springframework.http.HttpStatus;
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
        return answer(images.publishedImage(slug, id), extension, "\"bild-" + id + "\"", request);
    }

    /** The small copy the directory's results show (logo, or the first photo). */
    @GetMapping("/unternehmen/{slug}/bilder/{id:\\d{1,18}}-klein.{extension:jpg|png}")
    ResponseEntity<byte[]> thumbnail(@PathVariable String slug, @PathVariable long id, @PathVariable String extension,
                                     WebRequest request) {
        return answer(images.publishedThumbnail(slug, id), extension, "\"klein-" + id + "\"", request);
    }

    private static ResponseEntity<byte[]> answer(java.util.Optional<ImageData> found, String extension, String etag,
                                                 WebRequest request) {
        ImageData image = found.filter(i -> i.extension().equals(extension))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ImageResponses.immutable(etag, image.contentType(), image.data(), request);
    }
}
