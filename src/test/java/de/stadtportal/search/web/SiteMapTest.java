package de.stadtportal.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import de.stadtportal.PortalTest;
import de.stadtportal.search.SearchApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What visitors and machines need to find the pages: navigation depth, sitemap, robots.txt, head links, catalogue, icons. */
@PortalTest
class SiteMapTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SitemapController sitemap;

    @Autowired
    SearchApi search;

    /** Every public page (the sitemap's routes, the search, each Reallabor) is at most three clicks from the start page; no link is dead. */
    @Test
    void everyPublicPageIsAtMostThreeClicksFromTheStartPage() throws Exception {
        Set<String> expected = new TreeSet<>(sitemap.pages());
        expected.addAll(List.of("/suche", "/handwerk", "/sprechtag", "/leichte-sprache", "/barriere-melden", "/konto/anmelden"));
        expected.addAll(jdbc.queryForList("SELECT '/reallabore/' || slug FROM reallabor", String.class));

        Map<String, Integer> depth = new LinkedHashMap<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        depth.put("/", 0);
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            MockHttpServletResponse response = mvc.perform(get(path).header("Accept", "text/html")).andReturn().getResponse();
            statuses.put(path, response.getStatus());
            if (response.getStatus() != 200 || depth.get(path) == 3) {
                continue;
            }
            Matcher links = HREF.matcher(response.getContentAsString());
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&").replaceFirst("[?#].*$", "");
                String german = link.startsWith("/en/") ? link.substring(3) : link; // English addresses: same rules
                if (link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/assets/") && !german.startsWith("/admin")
                        && !link.startsWith("/api/") && !link.substring(link.lastIndexOf('/')).contains(".")
                        && !(german.startsWith("/konto") && !german.equals("/konto/anmelden")) && !depth.containsKey(link)
                        && depth.size() < 2000) {
                    depth.put(link, depth.get(path) + 1);
                    queue.addLast(link);
                }
            }
        }
        assertThat(expected).as("pages farther than three clicks or not linked at all")
                .allSatisfy(page -> assertThat(depth).containsKey(page));
        assertThat(depth.get("/handwerk")).isEqualTo(1);
        assertThat(depth.get("/sprechtag")).isEqualTo(1);
        assertThat(depth.get("/leichte-sprache")).isEqualTo(1);
        assertThat(statuses).as("dead links").allSatisfy((page, code) -> assertThat(code).as(page).isEqualTo(200));
    }

    @Test
    void theSitemapListsEveryPublicPageAndRecordAndValidates() throws Exception {
        search.refresh();
        String xml = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource[] {new StreamSource(new ClassPathResource("xsd/xhtml-link.xsd").getInputStream()),
                        new StreamSource(new ClassPathResource("xsd/sitemap.xsd").getInputStream())})
                .newValidator().validate(new StreamSource(new StringReader(xml)));

        List<String> records = jdbc.queryForList("""
                SELECT '/unternehmen/' || slug FROM business WHERE status = 'PUBLISHED'
                UNION ALL SELECT '/veranstaltungen/' || slug FROM event WHERE status = 'PUBLISHED'
                UNION ALL SELECT '/reallabore/' || slug FROM reallabor""", String.class);
        assertThat(records).hasSizeGreaterThan(10);
        for (String page : records) {
            assertThat(xml).contains("<loc>http://localhost:8080" + page + "</loc><lastmod>");
        }
        for (String page : List.of("/", "/unternehmen", "/veranstaltungen", "/handwerk", "/sprechtag", "/reallabore",
                "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/barriere-melden")) {
            assertThat(xml).contains("<loc>http://localhost:8080" + page + "</loc>");
            assertThat(xml).as("English address and alternates of %s", page)
                    .contains("<loc>http://localhost:8080/en" + page + "</loc>")
                    .contains("<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"http://localhost:8080" + page + "\"/>"
                            + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/en" + page + "\"/>");
        }
        assertThat(xml).doesNotContain("/admin", "/konto", "/api/", "#measure", "/mitmachen/danke");
        List<String> archived = jdbc.queryForList("SELECT '/unternehmen/' || slug || '<' FROM business WHERE status <> 'PUBLISHED'", String.class);
        assertThat(archived).allSatisfy(page -> assertThat(xml).doesNotContain(page));
    }

    @Test
    void robotsKeepCrawlersOutOfStaffAndAccountsAndNameTheSitemap() throws Exception {
        String robots = mvc.perform(get("/robots.txt")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(robots).contains("Disallow: /admin\n", "Disallow: /konto\n", "Disallow: /en/konto\n", "Sitemap: http://localhost:8080/sitemap.xml");
    }

    @Test
    void everyPageNamesItsCanonicalAddressItsLanguagesAndDescribesItself() throws Exception {
        String german = mvc.perform(get("/handwerk")).andReturn().getResponse().getContentAsString();
        assertThat(german).contains("<link rel=\"canonical\" href=\"http://localhost:8080/handwerk\">",
                "<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/en/handwerk\">",
                "<link rel=\"alternate\" hreflang=\"de\" href=\"http://localhost:8080/handwerk\">",
                "<meta name=\"description\" content=\"", "<meta property=\"og:title\" content=\"",
                "<meta property=\"og:url\" content=\"http://localhost:8080/handwerk\">", "<link rel=\"manifest\"");
        String english = mvc.perform(get("/en/handwerk")).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<link rel=\"canonical\" href=\"http://localhost:8080/en/handwerk\">",
                "<link rel=\"alternate\" hreflang=\"de\" href=\"http://localhost:8080/handwerk\">",
                "<meta property=\"og:locale\" content=\"en_GB\">");
    }

    @Test
    void iconsAndManifestAreServed() throws Exception {
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
        mvc.perform(get("/icon-512.png")).andExpect(status().isOk());
        String manifest = mvc.perform(get("/manifest.webmanifest")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode json = JsonMapper.builder().build().readTree(manifest);
        assertThat(json.get("name").asString()).isEqualTo("Stadtportal Bottrop");
        assertThat(json.get("icons")).hasSize(3);
        mvc.perform(get("/assets/icons/icon.svg")).andExpect(status().isOk());
    }

    @Test
    void theOpenDataCatalogueDescribesEachDatasetInDcatApDeWithItsLicence() throws Exception {
        String body = mvc.perform(get("/api/v1/katalog")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode catalogue = JsonMapper.builder().build().readTree(body);
        assertThat(catalogue.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalogue.get("@context").get("dcatde").asString()).isEqualTo("http://dcat-ap.de/def/dcatde/");
        JsonNode datasets = catalogue.get("dcat:dataset");
        assertThat(datasets).hasSize(3);
        for (JsonNode dataset : datasets) {
            assertThat(dataset.get("dct:title").get(0).get("@language").asString()).isEqualTo("de");
            assertThat(dataset.get("dcatde:politicalGeocodingURI").get("@id").asString()).endsWith("/05512000");
            for (JsonNode distribution : dataset.get("dcat:distribution")) {
                assertThat(distribution.get("dct:license").get("@id").asString()).isEqualTo("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
                String url = distribution.get("dcat:downloadURL").get("@id").asString();
                // every distribution the catalogue names answers
                mvc.perform(get(url.replace("http://localhost:8080", ""))).andExpect(status().isOk());
            }
        }
    }
}
