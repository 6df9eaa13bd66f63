package de.stadtportal.directory.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import de.stadtportal.directory.BusinessAttribute;
import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.domain.BusinessSearch;
import de.stadtportal.directory.domain.SearchOptions;
import de.stadtportal.directory.DirectoryApi.BusinessDetail;
import de.stadtportal.directory.DirectoryApi.BusinessSummary;
import de.stadtportal.directory.DirectoryApi.Thumbnail;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.domain.OpeningHoursService;
import de.stadtportal.directory.domain.OpeningHoursService.OpeningException;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.StructuredData;
import de.stadtportal.platform.database.PublicDataVersion;
import de.stadtportal.platform.web.RenderedFragments;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Geo;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import de.stadtportal.directory.domain.BusinessImageService;
import de.stadtportal.directory.domain.BusinessImageService.Kind;
import de.stadtportal.directory.domain.BusinessImageService.StoredImage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public directory: search with filters in the URL (bookmarkable, works without JavaScript) and one business. */
@Controller
class BusinessController {

    /** Exceptions shown on the detail page: the coming weeks. */
    static final int EXCEPTION_DAYS = 60;
    static final String[] DAYS = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private final DirectoryApi directory;
    private final BusinessSearch businesses;
    private final SearchOptions options;
    private final OpeningHoursService hours;
    private final BusinessImageService images;
    private final PortalProperties properties;
    private final RenderedFragments fragments;
    private final PublicDataVersion publicData;
    private final Clock clock;

    BusinessController(DirectoryApi directory, BusinessSearch businesses, SearchOptions options, OpeningHoursService hours,
                       BusinessImageService images, PortalProperties properties, RenderedFragments fragments, PublicDataVersion publicData,
                       Clock clock) {
        this.directory = directory;
        this.businesses = businesses;
        this.options = options;
        this.hours = hours;
        this.images = images;
        this.properties = properties;
        this.fragments = fragments;
        this.publicData = publicData;
        this.clock = clock;
    }

    @GetMapping("/unternehmen")
    String search(SearchForm form, java.util.Locale locale, Model model) {
        Search search = form.toSearch(locale);
        BusinessSearch.SearchPage page = businesses.page(search);
        SearchOptions.Choices choices = options.at(page.version(), locale);
        model.addAttribute("search", search);
        model.addAttribute("result", page.result());
        model.addAttribute("hits", page.result().hits().stream().map(hit -> hit(hit, locale)).toList());
        model.addAttribute("filters", filters(search, choices, page.version()));
        return "directory/search";
    }

    /** The choices a search was made with: all the filters' fragment reads of it. */
    record Filters(String category, String district, String sort, List<String> attributes, boolean openNow) {
    }

    /** @param choicesVersion the data version the categories and districts were read at, textsVersion the page texts' */
    private record FiltersKey(Filters filters, long choicesVersion, long textsVersion) {
    }

    /**
     * The search form's filters as kept per choice, language, the data version of the results (names of categories
     * and districts) and the current one (staff's texts); rendered without keeping while the data version is unknown.
     */
    private String filters(Search search, SearchOptions.Choices choices, long choicesVersion) {
        Filters filters = new Filters(search.category(), search.district(), search.sort(), search.attributes(),
                search.openNow());
        OptionalLong dataVersion = publicData.current();
        FiltersKey key = dataVersion.isPresent() ? new FiltersKey(filters, choicesVersion, dataVersion.getAsLong()) : null;
        return fragments.render("directory/search-filters", "filters", key, Map.of("filters", filters,
                "categories", choices.categories(), "districts", choices.districts(), "attributes", BusinessAttribute.values()));
    }

    /**
     * A result as the list shows it: the business's card, rendered once per business and language
     * ({@link RenderedFragments}), then its opening status (it changes by the minute) and the example mark.
     */
    record Hit(String card, boolean openNow, boolean example) {
    }

    /**
     * What a result's card shows, category and district already in the page's language ({@code lang} "de" where a
     * German name stands on an English page, else null). It is also the key its rendering is kept under, so it
     * holds everything the fragment reads.
     */
    record Card(String slug, String name, String category, String categoryLang, String district, String districtLang,
                String street, String postalCode, String city, Thumbnail thumbnail) {

        static Card of(BusinessSummary hit, java.util.Locale locale) {
            return new Card(hit.slug(), hit.name(), hit.category().in(locale), hit.category().lang(locale),
                    hit.district() == null ? null : hit.district().in(locale), hit.district() == null ? null : hit.district().lang(locale),
                    hit.street(), hit.postalCode(), hit.city(), hit.thumbnail());
        }
    }

    private Hit hit(BusinessSummary summary, java.util.Locale locale) {
        Card card = Card.of(summary, locale);
        return new Hit(fragments.render("directory/search-card", "card", card, Map.of("card", card)),
                summary.openNow(), summary.example());
    }

    @GetMapping("/unternehmen/{slug}")
    String detail(@PathVariable String slug, Model model) {
        BusinessDetail business = published(slug);
        LocalDate today = LocalDate.now(clock);
        List<OpeningException> exceptions = hours.exceptionsFrom(business.id(), today).stream()
                .filter(e -> e.day().isBefore(today.plusDays(EXCEPTION_DAYS))).toList();
        model.addAttribute("business", business);
        model.addAttribute("exceptions", exceptions);
        List<StoredImage> shown = images.published(slug);
        model.addAttribute("logo", shown.stream().filter(i -> i.kind() == Kind.LOGO).findFirst().orElse(null));
        model.addAttribute("photos", shown.stream().filter(i -> i.kind() == Kind.PHOTO).toList());
        model.addAttribute("jsonLd", jsonLd(business, exceptions));
        return "directory/detail";
    }

    /** The business as a contact card (vCard 4.0) for the address book. */
    @GetMapping("/unternehmen/{slug}/visitenkarte.vcf")
    ResponseEntity<byte[]> vcard(@PathVariable String slug) {
        BusinessDetail business = published(slug);
        VCard card = new VCard();
        card.setFormattedName(business.name());
        card.setOrganization(business.name());
        card.setCategories(business.category().de());
        Address address = new Address();
        address.setStreetAddress(business.street());
        address.setPostalCode(business.postalCode());
        address.setLocality(business.city());
        address.setCountry("Deutschland");
        address.getTypes().add(AddressType.WORK);
        card.addAddress(address);
        if (business.phone() != null) {
            card.addTelephoneNumber(business.phone(), TelephoneType.WORK);
        }
        if (business.email() != null) {
            card.addEmail(business.email(), EmailType.WORK);
        }
        if (business.website() != null) {
            card.addUrl(business.website());
        }
        if (business.latitude() != null && business.longitude() != null) {
            card.setGeo(new Geo(business.latitude().doubleValue(), business.longitude().doubleValue()));
        }
        card.addSource(properties.baseUrl() + "/unternehmen/" + slug + "/visitenkarte.vcf");
        byte[] body = Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go().getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "vcard", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(slug + ".vcf").build().toString())
                .body(body);
    }

    private BusinessDetail published(String slug) {
        return directory.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** schema.org LocalBusiness, written by {@link StructuredData}. */
    static String jsonLd(BusinessDetail business, List<OpeningException> exceptions) {
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
        if (!exceptions.isEmpty()) {
            // a day closed all day is given as 00:00–00:00 (schema.org's convention)
            data.put("specialOpeningHoursSpecification", exceptions.stream().map(e -> Map.of(
                    "@type", "OpeningHoursSpecification", "validFrom", e.day().toString(), "validThrough", e.day().toString(),
                    "opens", e.closed() ? "00:00" : e.opens().toString(),
                    "closes", e.closed() ? "00:00" : e.closes().toString())).toList());
        }
        return StructuredData.script(data);
    }
}
