package de.stadtportal.platform.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.account.TestAccounts;
import java.time.LocalDate;
import java.util.List;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class PageStatisticsTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    static final String PAGE = "/reallabore/fachkraeftesicherung";

    @Autowired
    MockMvc mvc;

    @Autowired
    PageViewCounter counter;

    @Autowired
    PageStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM page_view WHERE path LIKE '/statistik-test-%'");
    }

    @Test
    void viewsOfPeopleAreCountedBotsErrorsAndStaffPagesAreNot() throws Exception {
        counter.flush();
        long before = views(PAGE);
        mvc.perform(get(PAGE).header("User-Agent", FIREFOX)).andExpect(status().isOk());
        mvc.perform(get(PAGE).header("User-Agent", FIREFOX)).andExpect(status().isOk());
        mvc.perform(get(PAGE).header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)")).andExpect(status().isOk());
        mvc.perform(get(PAGE)).andExpect(status().isOk());
        mvc.perform(get("/reallabore/gibt-es-nicht").header("User-Agent", FIREFOX)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/statistik").header("User-Agent", FIREFOX).with(TestAccounts.staff("r@bottrop.example", "EDITOR")))
                .andExpect(status().isOk());
        counter.flush();

        assertThat(views(PAGE) - before).isEqualTo(2);
        assertThat(views("/reallabore/gibt-es-nicht")).isZero();
        assertThat(views("/admin/statistik")).isZero();
    }

    @Test
    void countsAddUpAcrossFlushesAndTheMostVisitedComeFirst() {
        for (int i = 0; i < 3; i++) {
            counter.count("/statistik-test-a");
        }
        counter.flush();
        counter.count("/statistik-test-a");
        counter.count("/statistik-test-b");
        counter.flush();
        assertThat(views("/statistik-test-a")).isEqualTo(4);
        List<PageStatistics.PageCount> top = statistics.mostVisited(1, 1000).stream()
                .filter(p -> p.path().startsWith("/statistik-test-")).toList();
        assertThat(top).extracting(PageStatistics.PageCount::path).containsExactly("/statistik-test-a", "/statistik-test-b");
    }

    @Test
    void nothingThatIdentifiesAPersonIsStored() {
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'page_view' "
                + "ORDER BY column_name", String.class)).containsExactly("day", "path", "views");
    }

    @Test
    void staffSeeTheMostVisitedPagesAndTheDashboard() throws Exception {
        jdbc.update("INSERT INTO page_view (day, path, views) VALUES (?, '/statistik-test-c', 12345)", LocalDate.now());
        mvc.perform(get("/admin/statistik").param("tage", "7").with(TestAccounts.staff("r@bottrop.example", "EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/statistik-test-c")))
                .andExpect(content().string(containsString("12.345")));
        mvc.perform(get("/admin/statistik").param("tage", "abc").with(TestAccounts.staff("r@bottrop.example", "EDITOR")))
                .andExpect(status().isOk());
        mvc.perform(get("/admin").with(TestAccounts.staff("r@bottrop.example", "EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Übersicht</h1>")))
                .andExpect(content().string(containsString("/statistik-test-c")));
    }

    private long views(String path) {
        Long views = jdbc.queryForObject("SELECT coalesce(sum(views), 0) FROM page_view WHERE path = ?", Long.class, path);
        return views == null ? 0 : views;
    }
}
