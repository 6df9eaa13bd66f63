package de.stadtportal.directory.web;

import java.util.List;

import de.stadtportal.directory.DirectoryApi.MapBusiness;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.domain.BusinessSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The directory's search results on a map. The page is first of all a plain list (name, address,
 * link) that works without JavaScript; map.js draws the same list as clustered markers once the
 * visitor chooses to load the map tiles. Same search form and matcher as the list.
 */
@Controller
class MapController {

    static final int LIMIT = 2000;

    private final BusinessSearch businesses;

    MapController(BusinessSearch businesses) {
        this.businesses = businesses;
    }

    @GetMapping("/unternehmen/karte")
    String map(SearchForm form, java.util.Locale locale, Model model) {
        Search search = form.toSearch(locale);
        List<MapBusiness> found = businesses.mapped(search, LIMIT);
        model.addAttribute("search", search);
        model.addAttribute("businesses", found);
        model.addAttribute("limitReached", found.size() >= LIMIT);
        model.addAttribute("limit", LIMIT);
        return "directory/map";
    }
}
