package de.stadtportal.directory.web;

import de.stadtportal.platform.MapProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The tile server and its attribution for the pages that show a map. */
@ControllerAdvice(assignableTypes = {BusinessController.class, MapController.class, OwnerListingController.class,
        AdminBusinessController.class, TopicController.class})
class MapModelAdvice {

    private final MapProperties map;

    MapModelAdvice(MapProperties map) {
        this.map = map;
    }

    @ModelAttribute("map")
    MapProperties map() {
        return map;
    }
}
