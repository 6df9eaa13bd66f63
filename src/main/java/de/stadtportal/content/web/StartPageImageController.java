package de.stadtportal.content.web;

import java.time.Duration;

import de.stadtportal.content.domain.StartPageService;
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
 * The images of the start page's highlights. An image never changes (a new upload gets a new id), so it is
 * cached for a year as immutable; the id is its ETag. Only images a highlight shows now are served.
 */
@Controller
class StartPageImageController {

    private final StartPageService startPage;

    StartPageImageController(StartPageService startPage) {
        this.startPage = startPage;
    }

    @GetMapping("/startseite/bilder/{id:\\d{1,18}}.{extension:jpg|png}")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable String extension, WebRequest request) {
        StartPageService.ImageData image = startPage.shownImage(id).filter(i -> i.extension().equals(extension))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String etag = "\"bild-" + id + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cache).contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(image.data());
    }
}
