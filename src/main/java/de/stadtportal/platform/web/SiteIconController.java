package de.stadtportal.platform.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.platform.StructuredData;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * The files browsers look for at fixed addresses outside /assets: /favicon.ico, the touch icon and
 * the web manifest. The SVG icon is an ordinary asset (/assets/icons/icon.svg).
 */
@RestController
class SiteIconController {

    private static final CacheControl ONE_WEEK = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();

    private final MessageSource messages;

    SiteIconController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(value = "/favicon.ico", produces = "image/x-icon")
    ResponseEntity<Resource> favicon() {
        return ResponseEntity.ok().cacheControl(ONE_WEEK).body(new ClassPathResource("static/icons/favicon.ico"));
    }

    @GetMapping(value = "/icon-512.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<Resource> icon() {
        return ResponseEntity.ok().cacheControl(ONE_WEEK).body(new ClassPathResource("static/icons/icon-512.png"));
    }

    @GetMapping(value = "/manifest.webmanifest", produces = "application/manifest+json")
    ResponseEntity<String> manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", messages.getMessage("platform.site.name", null, Locale.GERMAN));
        manifest.put("short_name", "Stadtportal");
        manifest.put("description", messages.getMessage("platform.site.description", null, Locale.GERMAN));
        manifest.put("lang", "de");
        manifest.put("start_url", "/");
        manifest.put("display", "browser");
        manifest.put("background_color", "#ffffff");
        manifest.put("theme_color", "#00546e");
        manifest.put("icons", List.of(
                Map.of("src", "/favicon.ico", "sizes", "32x32", "type", "image/x-icon"),
                Map.of("src", "/icon-512.png", "sizes", "512x512", "type", "image/png"),
                Map.of("src", "/assets/icons/icon.svg", "sizes", "any", "type", "image/svg+xml")));
        return ResponseEntity.ok().cacheControl(ONE_WEEK).body(StructuredData.script(manifest));
    }
}
