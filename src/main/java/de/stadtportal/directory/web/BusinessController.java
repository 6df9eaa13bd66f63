package de.stadtportal.directory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.DirectoryApi.BusinessDetail;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.domain.BusinessImageService;
import de.stadtportal.directory.domain.BusinessImageService.Kind;
import de.stadtportal.directory.domain.BusinessImageService.StoredImage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** The public directory: search with filters in the URL (bookmarkable, works without JavaScript) and one business. */
@Controller
class BusinessController {

    static final int MAX_QUERY = 200;
    static final String[] DAYS = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final JsonMapper json = JsonMapper.builder().build();

    private final DirectoryApi directory;
    private final BusinessImageService images;

    BusinessController(DirectoryApi directory, BusinessImageService images) {
        this.directory = directory;
        this.images = images;
    }

    @GetMapping("/unternehmen")
    String search(@RequestParam(required = false) String q,
                  @RequestParam(name = "kategorie", required = false) String category,
                  @RequestParam(name = "stadtteil", required = false) String district,
                  @RequestParam(name = "merkmal", required = false) List<String> attributes,
                  @RequestParam(name = "geoeffnet", defaultValue = "false") boolean openNow,
                  @RequestParam(name = "sortierung", required = false) String sort,
                  @RequestParam(name = "seite", defaultValue = "0") int page,
                  Model model) {
        String query = q == null ? "" : (q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q);
        Search search = new Search(query, category, district, attributes == null ? List.of() : attributes, openNow,
                "name".equals(sort) ? "name" : "relevanz", Math.max(page, 0));
        model.addAttribute("search", search);
        model.addAttribute("result", directory.search(search));
        model.addAttribute("categories", directory.categories());
        model.addAttribute("districts", directory.districts());
        model.addAttribute("attributeKeys", DirectoryApi.ATTRIBUTES.keySet());
        return "directory/search";
    }

    @GetMapping("/unternehmen/{slug}")
    String detail(@PathVariable String slug, Model model) {
        BusinessDetail business = directory.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("business", business);
        List<StoredImage> shown = images.published(slug);
        model.addAttribute("logo", shown.stream().filter(i -> i.kind() == Kind.LOGO).findFirst().orElse(null));
        model.addAttribute("photos", shown.stream().filter(i -> i.kind() == Kind.PHOTO).toList());
        model.addAttribute("jsonLd", jsonLd(business));
        return "directory/detail";
    }

    /** schema.org LocalBusiness; "</" is escaped so the text can never end the script element. */
    static String jsonLd(BusinessDetail business) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "LocalBusiness");
        data.put("name", business.name());
        data.put("address", Map.of("@type", "PostalAddress", "streetAddress", business.street(),
                "postalCode", business.postalCode(), "addressLocality", business.city(), "addressCountry", "DE"));
        if (business.latitude() != null && business.longitude() != null) {
            data.put("geo", Map.of("@type", "GeoCoordinates", "latitude", business.latitude(), "longitude", business.longitude()));
        }
        if (business.phone() != null) {
            data.put("telephone", business.phone());
        }
        if (business.website() != null) {
            data.put("url", business.website());
        }
        data.put("openingHoursSpecification", business.hours().stream().map(h -> Map.of(
                "@type", "OpeningHoursSpecification", "dayOfWeek", "https://schema.org/" + DAYS[h.dayOfWeek()],
                "opens", h.opens().toString(), "closes", h.closes().toString())).toList());
        return json.writeValueAsString(data).replace("</", "<\\/");
    }
}
