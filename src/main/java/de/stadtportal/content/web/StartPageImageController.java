package de.stadtportal.content.web;

import de.stadtportal.content.domain.StartPageService;
import de.stadtportal.platform.images.ImageResponses;
import org.springframework.http.HttpStatus;
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
        return ImageResponses.immutable("\"bild-" + id + "\"", image.contentType(), image.data(), request);
    }
}
