package de.stadtportal.directory.web;

import java.util.List;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.DirectoryApi.MapBusiness;
import de.stadtportal.directory.DirectoryApi.Search;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The directory's search results on a map. The page is first of all a plain list (name, address,
 * link) that works without JavaScript; map.js draws the same list as clustered markers once the
 * visitor chooses to load the map tiles.
 */
@Controller
class MapController {

    static final int LIMIT = 2000;

    private final DirectoryApi directory;

    MapController(DirectoryApi directory) {
        this.directory = directory;
    }

    @GetMapping("/unternehmen/karte")
    String map(@RequestParam(required = false) String q,
               @RequestParam(name = "kategorie", required = false) String category,
               @RequestParam(name = "stadtteil", required = false) String district,
               @RequestParam(name = "merkmal", required = false) List<String> attributes,
               @RequestParam(name = "geoeffnet", defaultValue = "false") boolean openNow,
               @RequestParam(name = "sortierung", required = false) String sort,
               Model model) {
        Search search = BusinessController.search(q, category, district, attributes, openNow, sort, 0);
        List<MapBusiness> businesses = directory.mapped(search, LIMIT);
        model.addAttribute("search", search);
        model.addAttribute("businesses", businesses);
        model.addAttribute("limitReached", businesses.size() >= LIMIT);
        model.addAttribute("limit", LIMIT);
        return "directory/map";
    }
}
