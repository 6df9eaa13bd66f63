package de.stadtportal.content.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.StructuredData;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/katalog: the open data the portal publishes, described in DCAT-AP.de (JSON-LD), so
 * Open.NRW and GovData can harvest it. A module that publishes a new dataset adds one entry to {@link #DATASETS}.
 */
@RestController
class CatalogueController {

    static final String LICENCE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
    /** Amtlicher Gemeindeschlüssel of Bottrop (kreisfreie Stadt, Regierungsbezirk Münster). */
    static final String MUNICIPALITY = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05512000";

    record Distribution(String path, String mediaType, String format) {
    }

    /** key: dataset id and message keys content.catalogue.{key}.title/.description/.keywords. */
    record Dataset(String key, String landingPage, String theme, List<Distribution> distributions) {
    }

    static final List<Dataset> DATASETS = List.of(
            new Dataset("businesses", "/unternehmen", "ECON", List.of(
                    new Distribution("/api/v1/unternehmen", "application/json", "JSON"),
                    new Distribution("/api/v1/unternehmen.csv", "text/csv", "CSV"))),
            new Dataset("events", "/veranstaltungen", "ECON", List.of(
                    new Distribution("/veranstaltungen.ics", "text/calendar", null),
                    new Distribution("/veranstaltungen.atom", "application/atom+xml", "ATOM"))),
            new Dataset("fairtrade", "/fairtrade", "SOCI", List.of(
                    new Distribution("/api/v1/fairtrade", "application/json", "JSON"),
                    new Distribution("/api/v1/fairtrade.csv", "text/csv", "CSV"))));

    private final PortalProperties properties;
    private final MessageSource messages;

    CatalogueController(PortalProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping(value = {"/api/v1/katalog", "/api/v1/katalog.jsonld"}, produces = "application/ld+json")
    ResponseEntity<String> catalogue() {
        String base = properties.baseUrl().replaceAll("/+$", "");
        PortalProperties.Operator operator = properties.operator();
        Map<String, Object> publisher = Map.of("@type", "foaf:Organization", "foaf:name", operator.name());
        Map<String, Object> contact = Map.of("@type", "vcard:Organization", "vcard:fn", operator.department(),
                "vcard:hasEmail", Map.of("@id", "mailto:" + operator.email()));

        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Dataset dataset : DATASETS) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("@id", base + "/api/v1/katalog#" + dataset.key());
            entry.put("@type", "dcat:Dataset");
            entry.put("dct:title", texts("content.catalogue." + dataset.key() + ".title"));
            entry.put("dct:description", texts("content.catalogue." + dataset.key() + ".description"));
            entry.put("dcat:keyword", List.of(text("content.catalogue." + dataset.key() + ".keywords", Locale.GERMAN).split(",\\s*")));
            entry.put("dcat:theme", id("http://publications.europa.eu/resource/authority/data-theme/" + dataset.theme()));
            entry.put("dcat:landingPage", id(base + dataset.landingPage()));
            entry.put("dct:publisher", publisher);
            entry.put("dcat:contactPoint", contact);
            entry.put("dct:language", id("http://publications.europa.eu/resource/authority/language/DEU"));
            entry.put("dcatde:politicalGeocodingLevelURI", id("http://dcat-ap.de/def/politicalGeocoding/Level/municipality"));
            entry.put("dcatde:politicalGeocodingURI", id(MUNICIPALITY));
            List<Map<String, Object>> distributions = new ArrayList<>();
            for (Distribution distribution : dataset.distributions()) {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("@type", "dcat:Distribution");
                file.put("dct:title", distribution.path().substring(distribution.path().lastIndexOf('/') + 1));
                file.put("dcat:accessURL", id(base + distribution.path()));
                file.put("dcat:downloadURL", id(base + distribution.path()));
                file.put("dcat:mediaType", id("https://www.iana.org/assignments/media-types/" + distribution.mediaType()));
                if (distribution.format() != null) {
                    file.put("dct:format", id("http://publications.europa.eu/resource/authority/file-type/" + distribution.format()));
                }
                file.put("dct:license", id(LICENCE));
                file.put("dcatde:licenseAttributionByText", operator.name());
                distributions.add(file);
            }
            entry.put("dcat:distribution", distributions);
            datasets.add(entry);
        }

        Map<String, Object> catalogue = new LinkedHashMap<>();
        catalogue.put("@context", Map.of(
                "dcat", "http://www.w3.org/ns/dcat#",
                "dct", "http://purl.org/dc/terms/",
                "dcatde", "http://dcat-ap.de/def/dcatde/",
                "foaf", "http://xmlns.com/foaf/0.1/",
                "vcard", "http://www.w3.org/2006/vcard/ns#"));
        catalogue.put("@id", base + "/api/v1/katalog");
        catalogue.put("@type", "dcat:Catalog");
        catalogue.put("dct:title", texts("content.catalogue.title"));
        catalogue.put("dct:description", texts("content.catalogue.description"));
        catalogue.put("dct:publisher", publisher);
        catalogue.put("foaf:homepage", id(base + "/"));
        catalogue.put("dct:language", id("http://publications.europa.eu/resource/authority/language/DEU"));
        catalogue.put("dct:license", id(LICENCE));
        catalogue.put("dcat:dataset", datasets);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(StructuredData.script(catalogue));
    }

    /** A text in German and English, as JSON-LD language-tagged values. */
    private List<Map<String, String>> texts(String key) {
        return List.of(Map.of("@value", text(key, Locale.GERMAN), "@language", "de"),
                Map.of("@value", text(key, Locale.ENGLISH), "@language", "en"));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static Map<String, String> id(String uri) {
        return Map.of("@id", uri);
    }
}
