package de.stadtportal.directory.web;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import de.stadtportal.directory.BusinessAttribute;

import de.stadtportal.directory.DirectoryApi.OpenDataBusiness;
import de.stadtportal.directory.domain.BusinessSearch;
import de.stadtportal.platform.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data of the published listings (JSON and CSV), under the Datenlizenz Deutschland –
 * Namensnennung 2.0. Responses carry an ETag (see OpenDataConfiguration), so harvesters can ask
 * cheaply whether anything changed.
 */
@RestController
class OpenDataController {

    static final String LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
    static final String ATTRIBUTION = "Stadt Bottrop, Stadtportal";
    static final int MAX_SIZE = 1000;
    /** The published columns: the business, then one per {@link BusinessAttribute} (its open-data column), then "beispiel". */
    static final String[] CSV_HEADER = Stream.of(
            Stream.of("slug", "name", "kategorie", "stadtteil", "strasse", "plz", "ort", "breitengrad", "laengengrad",
                    "telefon", "email", "website"),
            Arrays.stream(BusinessAttribute.values()).map(BusinessAttribute::openDataColumn),
            Stream.of("beispiel")).flatMap(s -> s).toArray(String[]::new);

    private final BusinessSearch businesses;

    OpenDataController(BusinessSearch businesses) {
        this.businesses = businesses;
    }

    record Page(String license, String attribution, int page, int size, long total, List<OpenDataBusiness> items) {
    }

    @GetMapping(value = "/api/v1/unternehmen", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Page> json(@RequestParam(name = "seite", defaultValue = "0") int page,
                              @RequestParam(name = "groesse", defaultValue = "100") int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), MAX_SIZE);
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .body(new Page(LICENSE, ATTRIBUTION, p, s, businesses.publishedCount(), businesses.openData(p, s)));
    }

    @GetMapping(value = "/api/v1/unternehmen.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@RequestParam(name = "seite", defaultValue = "0") int page,
                               @RequestParam(name = "groesse", defaultValue = "1000") int size) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
            for (OpenDataBusiness b : businesses.openData(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_SIZE))) {
                // Arrays.asList: district, coordinates and contact may be null
                List<Object> row = new ArrayList<>(Arrays.asList(b.slug(), b.name(), b.category(), b.district(), b.street(),
                        b.postalCode(), b.city(), b.latitude(), b.longitude(), b.phone(), b.email(), b.website()));
                for (BusinessAttribute attribute : BusinessAttribute.values()) {
                    row.add(b.has(attribute));
                }
                row.add(b.example());
                printer.printRecord(Csv.cells(row.toArray()));
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"unternehmen-bottrop.csv\"")
                .body(out.toString());
    }
}
