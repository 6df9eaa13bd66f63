package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;

import de.stadtportal.PortalTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class OpenDataTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE slug LIKE 'test-opendata-%'");
    }

    @Test
    void jsonListsPublishedBusinessesWithLicenceAndPaging() throws Exception {
        mvc.perform(get("/api/v1/unternehmen").param("groesse", "10"))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", Matchers.containsString("dl-by-de/2.0")))
                .andExpect(jsonPath("$.license").value("http://dcat-ap.de/def/licenses/dl-by-de/2.0"))
                .andExpect(jsonPath("$.items.length()").value(10))
                .andExpect(jsonPath("$.total").value(Matchers.greaterThanOrEqualTo(60)))
                .andExpect(jsonPath("$.items[0].name").isNotEmpty())
                .andExpect(jsonPath("$.items[0].owner").doesNotExist());
        mvc.perform(get("/api/v1/unternehmen").param("groesse", "999999")).andExpect(jsonPath("$.size").value(1000));
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesOutUnpublishedListings() throws Exception {
        jdbc.update("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status) VALUES
                ('test-opendata-a', 'AAA "Komma, Quote" Test', (SELECT id FROM category WHERE slug = 'handwerk'), 'Weg 1', '46236', 'PUBLISHED'),
                ('test-opendata-b', 'AAA Wartet', (SELECT id FROM category WHERE slug = 'handwerk'), 'Weg 2', '46236', 'PENDING')""");
        String body = mvc.perform(get("/api/v1/unternehmen.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        assertThat(rows).extracting(r -> r.get("name")).contains("AAA \"Komma, Quote\" Test").doesNotContain("AAA Wartet");
        assertThat(rows.get(0).toMap()).containsKeys("slug", "kategorie", "gutschein", "beispiel");
    }

    @Test
    void unchangedExportsAnswerNotModified() throws Exception {
        String etag = mvc.perform(get("/api/v1/unternehmen")).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/api/v1/unternehmen").header("If-None-Match", etag)).andExpect(status().isNotModified());
    }
}
