package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import de.stadtportal.PortalTest;
import de.stadtportal.platform.database.PublicDataVersion;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Anonymous public pages are cacheable (ETag from the data version, 304, no cookie); everything personal is not. */
@PortalTest
class HttpCacheTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    HttpCacheFilter filter;

    @Autowired
    PublicDataVersion dataVersion;

    @Test
    void anAnonymousPublicPageIsPublicWithAnETagAndNoCookieAndAMatchingETagGets304() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/impressum"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=60"))
                .andExpect(header().string("Vary", allOf(containsString("Cookie"), containsString("Accept-Encoding"))))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(header().doesNotExist("Pragma"))
                .andReturn().getResponse();
        String etag = page.getHeader("ETag");
        assertThat(etag).startsWith("W/\"").contains("-de-");

        mvc.perform(get("/impressum").header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(header().string("Cache-Control", "public, max-age=60"))
                .andExpect(content().string(""));
        mvc.perform(get("/impressum").header("If-None-Match", "W/\"anderes\""))
                .andExpect(status().isOk());

        String english = mvc.perform(get("/en/impressum")).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(english).contains("-en-").isNotEqualTo(etag);
    }

    @Test
    void aChangeToPublicDataGivesANewETagAtOnce() throws Exception {
        String before = mvc.perform(get("/reallabore")).andReturn().getResponse().getHeader("ETag");
        transactions.executeWithoutResult(tx -> jdbc.update("UPDATE reallabor SET title = title WHERE id = (SELECT min(id) FROM reallabor)"));
        mvc.perform(get("/reallabore").header("If-None-Match", before))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", not(before)));
    }

    /**
     * The kept page: a change that does not advance the data version (as if a table were forgotten in
     * V75's list) shows that the third anonymous visitor got the bytes kept for the second, while a logged-in person
     * gets a fresh page; the next version shows the change to everyone.
     */
    @Test
    void anonymousVisitorsGetTheKeptPageUntilTheDataVersionChanges() throws Exception {
        String slug = jdbc.queryForObject("SELECT slug FROM business WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1", String.class);
        String name = jdbc.queryForObject("SELECT name FROM business WHERE slug = ?", String.class, slug);
        String path = "/unternehmen/" + slug;
        // an address of its own: another test may have had this page kept already
        String host = UUID.randomUUID() + ".example";
        try {
            mvc.perform(get(path).header("X-Forwarded-Host", host)).andExpect(status().isOk()); // kept from the second request on
            MockHttpServletResponse first = mvc.perform(get(path).header("X-Forwarded-Host", host)).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "public, max-age=60")).andReturn().getResponse();
            transactions.executeWithoutResult(tx -> {
                // the trigger believes this transaction already advanced the version
                jdbc.queryForObject("SELECT set_config('portal.data_changed', pg_current_xact_id()::text, true)", String.class);
                jdbc.update("UPDATE business SET name = 'Unbemerkt Umbenannt' WHERE slug = ?", slug);
            });
            MockHttpServletResponse kept = mvc.perform(get(path).header("X-Forwarded-Host", host)).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "public, max-age=60"))
                    .andExpect(header().string("ETag", first.getHeader("ETag")))
                    .andExpect(header().string("Content-Type", first.getContentType()))
                    .andExpect(header().string("Content-Security-Policy", first.getHeader("Content-Security-Policy")))
                    .andExpect(header().doesNotExist("Set-Cookie"))
                    .andReturn().getResponse();
            assertThat(kept.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
            assertThat(kept.getHeaders("Cache-Control")).hasSize(1);
            mvc.perform(head(path).header("X-Forwarded-Host", host)).andExpect(status().isOk()).andExpect(content().string(""));

            // logged in means a session cookie
            mvc.perform(get(path).with(user("jemand@test.example").roles("BUSINESS"))
                            .cookie(new jakarta.servlet.http.Cookie("SESSION", "abc")))
                    .andExpect(content().string(containsString("Unbemerkt Umbenannt")));
            mvc.perform(get("/en" + path).header("X-Forwarded-Host", host)).andExpect(content().string(containsString("Unbemerkt Umbenannt")));

            transactions.executeWithoutResult(tx -> jdbc.update("UPDATE business SET name = name WHERE slug = ?", slug));
            mvc.perform(get(path).header("X-Forwarded-Host", host)).andExpect(content().string(allOf(containsString("Unbemerkt Umbenannt"),
                    not(containsString(name)))));
        } finally {
            transactions.executeWithoutResult(tx -> jdbc.update("UPDATE business SET name = ? WHERE slug = ?", name, slug));
        }
    }

    /**
     * Browsers ask for gzip: a kept page goes out compressed once, the same bytes as the rendered one, already to
     * the request that renders and keeps it (not compressed a second time by the connector).
     */
    @Test
    void aKeptPageGoesGzippedToWhoeverTakesGzipAndPlainToOthers() throws Exception {
        // an address of its own: another test may have had this page kept already
        String host = UUID.randomUUID() + ".example";
        MockHttpServletResponse first = mvc.perform(get("/datenschutz").header("X-Forwarded-Host", host))
                .andExpect(status().isOk()).andReturn().getResponse(); // kept from the second request on
        byte[] page = first.getContentAsByteArray();
        assertThat(page.length).isGreaterThan(2048);

        for (String turn : new String[] {"the request that renders and keeps it", "the page kept"}) {
            MockHttpServletResponse gzipped = mvc.perform(get("/datenschutz").header("X-Forwarded-Host", host)
                            .header("Accept-Encoding", "gzip, deflate, br"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Encoding", "gzip"))
                    .andExpect(header().string("ETag", first.getHeader("ETag")))
                    .andExpect(header().string("Vary", containsString("Accept-Encoding")))
                    .andReturn().getResponse();
            assertThat(gzipped.getContentLength()).as(turn).isEqualTo(gzipped.getContentAsByteArray().length)
                    .isLessThan(page.length / 2);
            try (var gzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.getContentAsByteArray()))) {
                assertThat(gzip.readAllBytes()).as(turn).isEqualTo(page);
            }
        }

        for (String plain : new String[] {null, "identity", "gzip;q=0, deflate"}) {
            var request = get("/datenschutz").header("X-Forwarded-Host", host);
            if (plain != null) {
                request.header("Accept-Encoding", plain);
            }
            MockHttpServletResponse identity = mvc.perform(request).andExpect(status().isOk())
                    .andExpect(header().doesNotExist("Content-Encoding")).andReturn().getResponse();
            assertThat(identity.getContentAsByteArray()).as(plain).isEqualTo(page);
        }
    }

    /**
     * The filter runs before Spring binds the request to the thread. While PublicDataVersion reads the table (not
     * listening, as here and while PostgreSQL restarts), the number the ETag names is the one the page is read at:
     * a change committed between the two does not give a page of the new version under the old ETag, and the page
     * sends no second query for it.
     */
    @Test
    void thePageIsReadAtTheVersionItsETagNames() throws Exception {
        assertThat(dataVersion.isListening()).as("reads the table per request").isFalse();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/impressum");
        request.addHeader("X-Forwarded-Host", UUID.randomUUID() + ".example"); // an address of its own in the page cache
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<OptionalLong> readByThePage = new AtomicReference<>();
        filter.doFilter(request, response, (filtered, answer) -> {
            transactions.executeWithoutResult(tx -> jdbc.update("UPDATE reallabor SET title = title WHERE id = (SELECT min(id) FROM reallabor)"));
            // as Spring's RequestContextFilter does, after this filter
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes((HttpServletRequest) filtered));
            try {
                readByThePage.set(dataVersion.current());
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        });
        assertThat(dataVersion.current()).as("the change advanced the version").isNotEqualTo(readByThePage.get());
        assertThat(response.getHeader("ETag")).startsWith("W/\"" + readByThePage.get().getAsLong() + "-");
    }

    /** A new module's table is tracked or named here on purpose (and in V75's list): otherwise its changes would keep old pages. */
    @Test
    void everyTableButTheOperationalOnesAdvancesTheDataVersion() {
        List<String> untracked = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'portal_data_version')
                ORDER BY 1""", String.class);
        assertThat(untracked).containsExactlyInAnyOrder("flyway_schema_history", "spring_session", "spring_session_attributes",
                "page_view", "outbox_mail", "audit_entry", "content_version", "search_source", "account", "account_role",
                "account_token", "data_version");
        long before = jdbc.queryForObject("SELECT version FROM data_version", Long.class);
        transactions.executeWithoutResult(tx -> {
            jdbc.update("UPDATE event SET title = title");
            jdbc.update("UPDATE business SET name = name");
        });
        assertThat(jdbc.queryForObject("SELECT version FROM data_version", Long.class)).as("once per transaction").isEqualTo(before + 1);
    }

    @Test
    void pagesWithAFormForAnonymousVisitorsStayPrivateBecauseTheirTokenOpensASession() throws Exception {
        mvc.perform(get("/mitmachen"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().doesNotExist("ETag"));
    }

    @Test
    void loggedInPagesAccountAndStaffAreaAndErrorsArePrivate() throws Exception {
        mvc.perform(get("/impressum").with(user("jemand@test.example").roles("BUSINESS")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().doesNotExist("ETag"));
        mvc.perform(get("/impressum").cookie(new jakarta.servlet.http.Cookie("SESSION", "abc")))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().doesNotExist("ETag"));
        for (String path : List.of("/konto/anmelden", "/konto", "/admin", "/gibt-es-nicht")) {
            mvc.perform(get(path))
                    .andExpect(header().string("Cache-Control", "private, no-store"))
                    .andExpect(header().doesNotExist("ETag"));
        }
    }

    @Test
    void assetsKeepTheirLongCacheAndSetNoCookie() throws Exception {
        String page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        String css = page.replaceFirst("(?s).*href=\"(/assets/css/portal-[^\"]+)\".*", "$1");
        mvc.perform(get(css))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", allOf(containsString("max-age=31536000"), containsString("public"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void englishPagesLiveUnderEnAndTheirLinksStayThereButFilesAndDataDoNot() throws Exception {
        mvc.perform(get("/en/unternehmen"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"en\">"),
                        containsString("href=\"/en/veranstaltungen\""),
                        containsString("href=\"/en/\""),
                        containsString("action=\"/en/suche\""),
                        containsString("href=\"/assets/css/portal-"),
                        containsString("href=\"/api/v1/unternehmen.csv\""),
                        containsString("<link rel=\"canonical\" href=\"http://localhost:8080/en/unternehmen\">"),
                        containsString("<link rel=\"alternate\" hreflang=\"de\" href=\"http://localhost:8080/unternehmen\">"),
                        containsString("<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/en/unternehmen\">"),
                        // the switch leads to the German address of the same page
                        containsString("<a class=\"language\" href=\"/unternehmen\""))));
        mvc.perform(get("/en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\">")));
        mvc.perform(get("/unternehmen"))
                .andExpect(content().string(allOf(containsString("<html lang=\"de\">"), containsString("href=\"/veranstaltungen\""),
                        containsString("<a class=\"language\" href=\"/en/unternehmen\""),
                        not(containsString("href=\"/en/veranstaltungen\"")))));
    }

    @Test
    void redirectsAndErrorPagesOfEnglishAddressesStayEnglish() throws Exception {
        mvc.perform(get("/en/konto"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/en/konto/anmelden"));
        mvc.perform(get("/en/konto/anmelden"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"en\">"), containsString("action=\"/en/konto/anmelden\""))));
        mvc.perform(get("/en/gibt-es-nicht").header("Accept", "text/html"))
                .andExpect(status().isNotFound());
    }
}
