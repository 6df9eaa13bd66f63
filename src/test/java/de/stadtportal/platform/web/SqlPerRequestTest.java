package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import de.stadtportal.directory.TestListings;
import de.stadtportal.platform.database.PublicDataVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * A request from controller to SQL passes each layer once: the main public pages, rendered for an anonymous visitor
 * (a page-cache miss), never send the same statement with the same values twice. The statements are read from the
 * PostgreSQL driver's protocol log (each Bind followed by an Execute), of the request's own thread only. A statement the
 * driver prepared on the server before this test started is seen by its name only and not compared.
 */
@PortalTest
class SqlPerRequestTest {

    private static final String SLUG = "schichtwechsel-sql-baeckerei";
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private static final Pattern PARSE = Pattern.compile("FE=> Parse\\(stmt=(\\S*),query=\"(.*)\",oids=", Pattern.DOTALL);
    private static final Pattern BIND = Pattern.compile("FE=> Bind\\(stmt=(\\S*),portal=\\S*(.*)\\)", Pattern.DOTALL);
    private static final String UNKNOWN = "[prepared earlier: ";
    private static final Pattern EXECUTE = Pattern.compile("FE=> Execute\\(portal=");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final Map<String, String> named = new ConcurrentHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private final ThreadLocal<String> lastParsed = new ThreadLocal<>();
    private final ThreadLocal<String> bound = new ThreadLocal<>();
    private volatile long thread;
    private Level level;

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getParameters() == null ? record.getMessage()
                    : java.text.MessageFormat.format(record.getMessage(), record.getParameters());
            Matcher parse = PARSE.matcher(message);
            if (parse.find()) {
                if (!parse.group(1).equals("null")) {
                    named.put(parse.group(1), parse.group(2));
                }
                lastParsed.set(parse.group(2));
                return;
            }
            Matcher bind = BIND.matcher(message);
            if (bind.find() && record.getLongThreadID() == thread) {
                // an unnamed statement is parsed right before its Bind; a named one prepared before this test (BEGIN,
                // COMMIT, statements run often) is known by its name only
                String query = bind.group(1).equals("null") ? lastParsed.get()
                        : named.getOrDefault(bind.group(1), UNKNOWN + bind.group(1) + "]");
                bound.set(query + " " + bind.group(2));
                return;
            }
            // a statement counts when it is executed (a Bind may also serve only to describe it)
            if (EXECUTE.matcher(message).find() && record.getLongThreadID() == thread && bound.get() != null) {
                synchronized (sent) {
                    sent.add(bound.get());
                }
                bound.remove();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        TestListings.publishedOwnedBy(jdbc, "niemand-sql@test.example", SLUG, "Schichtwechsel Bäckerei");
        level = DRIVER.getLevel();
        DRIVER.setLevel(Level.FINEST);
        handler.setLevel(Level.FINEST);
        DRIVER.addHandler(handler);
    }

    @AfterEach
    void stop() {
        DRIVER.removeHandler(handler);
        DRIVER.setLevel(level);
        jdbc.update("DELETE FROM business WHERE slug = ?", SLUG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/unternehmen?q=Bäckerei", "/unternehmen?kategorie=handwerk&seite=0", "/unternehmen/" + SLUG,
            "/veranstaltungen", "/reallabore/fachkraeftesicherung", "/"})
    void noStatementIsSentTwiceForOnePage(String page) throws Exception {
        thread = Thread.currentThread().getId();
        // a host of its own: the page cache misses, the page is rendered from the controller down
        mvc.perform(get(page).header("X-Forwarded-Host", UUID.randomUUID() + ".example")).andExpect(status().isOk());
        List<String> statements;
        synchronized (sent) {
            statements = List.copyOf(sent);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        statements.stream().filter(s -> !s.startsWith(UNKNOWN) && !s.startsWith("BEGIN") && !s.startsWith("COMMIT")
                        && !s.startsWith("ROLLBACK"))
                .forEach(s -> counts.merge(s, 1, Integer::sum));
        System.out.println("SQL for " + page + ": " + statements.size() + " statements");
        statements.forEach(s -> System.out.println("  " + s.replaceAll("\\s+", " ").substring(0, Math.min(160, s.replaceAll("\\s+", " ").length()))));
        assertThat(statements).as("the driver's log was read").isNotEmpty();
        assertThat(counts).as(page).allSatisfy((statement, times) -> assertThat(times).as(statement).isEqualTo(1));
    }

    /**
     * /suche finds, ranks and counts its candidates in memory (search's DocumentIndex), and the words of a query asked
     * before are kept (QueryWordsReader): such a search sends nothing beyond what the page without a query sends.
     */
    @Test
    void aPortalWideSearchAskedBeforeSendsNothingBeyondThePage() throws Exception {
        thread = Thread.currentThread().getId();
        // the first search after a change builds the index and reads the query's words
        render("/suche?q=Bäckerei");
        List<String> withoutQuery = render("/suche");
        List<String> searched = render("/suche?q=Bäckerei", content().string(containsString("href=\"/unternehmen/baeckerei-kamphues\"")));
        assertThat(searched).noneMatch(s -> s.contains("search_document") || s.contains("query_words"));
        // counted, not compared by text: a statement prepared on the server before this test is known by its name only
        assertThat(searched).hasSize(withoutQuery.size());
    }

    /** The statements a page sent, rendered for a host of its own (the page cache misses). */
    private List<String> render(String page, ResultMatcher... expected) throws Exception {
        synchronized (sent) {
            sent.clear();
        }
        mvc.perform(get(page).header("X-Forwarded-Host", UUID.randomUUID() + ".example")).andExpect(status().isOk())
                .andExpectAll(expected);
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    @Test
    void aDirectorySearchAskedBeforeReadsOnlyTheDataVersion() throws Exception {
        String page = "/unternehmen?q=Schichtwechsel+Bäckerei";
        thread = Thread.currentThread().getId();
        List<String> statements;
        for (int attempt = 1; ; attempt++) {
            long before = jdbc.queryForObject("SELECT " + PublicDataVersion.IN_SNAPSHOT, Long.class);
            render(page);
            // the page cache misses again (another host): words, matches and the shown rows come from memory
            statements = render(page, content().string(containsString("href=\"/unternehmen/" + SLUG + "\"")));
            // a late commit of an earlier test moved the data version in between: the page rightly read again
            if (attempt == 3 || jdbc.queryForObject("SELECT " + PublicDataVersion.IN_SNAPSHOT, Long.class) == before) {
                break;
            }
        }
        // while PublicDataVersion is not listening (as in these tests) it reads the number once per request (a statement
        // the driver may have prepared on the server before, then seen by its name only)
        assertThat(statements).singleElement().asString()
                .satisfiesAnyOf(s -> assertThat(s).startsWith("SELECT " + PublicDataVersion.IN_SNAPSHOT), s -> assertThat(s).startsWith(UNKNOWN));
    }
}
