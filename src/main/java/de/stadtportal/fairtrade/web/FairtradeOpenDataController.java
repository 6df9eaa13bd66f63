package de.stadtportal.fairtrade.web;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import de.stadtportal.fairtrade.domain.NetworkService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open data of the network's public members (JSON and CSV), under the Datenlizenz Deutschland – Namensnennung 2.0. */
@RestController
class FairtradeOpenDataController {

    static final String LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
    static final String ATTRIBUTION = "Stadt Bottrop, Stadtportal";

    private final NetworkService network;

    FairtradeOpenDataController(NetworkService network) {
        this.network = network;
    }

    /** @param kind RETAIL, GASTRONOMY, SCHOOL, KITA, CLUB, FAITH, COMPANY, PUBLIC_INSTITUTION, POLITICS or OTHER */
    record OpenMember(String name, String kind, String website, String description, boolean example) {
    }

    record Members(String license, String attribution, long total, List<OpenMember> items) {
    }

    private List<OpenMember> members() {
        return network.members(true).stream()
                .map(m -> new OpenMember(m.name(), m.kind().name(), m.website(), m.description(), m.example())).toList();
    }

    @GetMapping(value = "/api/v1/fairtrade", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Members> json() {
        List<OpenMember> items = members();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .body(new Members(LICENSE, ATTRIBUTION, items.size(), items));
    }

    @GetMapping(value = "/api/v1/fairtrade.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv() throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("name", "art", "website", "beschreibung", "beispiel").get())) {
            for (OpenMember m : members()) {
                printer.printRecord(m.name(), m.kind(), m.website(), m.description(), m.example());
            }
        }
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"fairtrade-bottrop.csv\"")
                .body(out.toString());
    }
}
