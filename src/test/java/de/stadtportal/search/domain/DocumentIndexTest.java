package de.stadtportal.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import de.stadtportal.PortalTest;
import de.stadtportal.search.domain.SearchQuery.Hit;
import de.stadtportal.search.domain.SearchQuery.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The in-memory search ({@link DocumentIndex}) answers every search as the HITS statement does: the same counts per
 * kind in the same order, the same hits in the same order, in both languages, with and without a kind, over the
 * demo data plus generated documents with common titles (ties broken by key), typos, compounds, English and
 * German versions and kinds of their own.
 */
@PortalTest
class DocumentIndexTest {

    private static final String[] TRADES = {"Bäckerei", "Metzgerei", "Friseur", "Café", "Elektro", "Tischlerei", "Blumen",
            "Optik", "Apotheke", "Kiosk", "Fahrradhaus", "Fußpflege", "Digitalisierungssprechtag", "Handwerkerfrühstück"};
    private static final String[] NAMES = {"Schmidt", "Müller", "Schulte", "Wessels", "Kamp", "Yilmaz", "Becker",
            "Hoffmann", "Brinkhoff", "Große-Wilde", "Öztürk"};
    private static final String[] WORDS = {"Brot", "Brötchen", "Torten", "Wurst", "Haarschnitt", "Strom", "Möbel",
            "Sträuße", "Brillen", "Reparatur", "Fairtrade", "Kaffee", "Lieferung", "Bottrop", "Zeche", "bakery", "coffee"};
    /** Kinds of their own (the reconciliation never touches them), one with a hyphen for the kinds' collation. */
    private static final String[] KINDS = {"gen-a", "gen-b", "genc"};

    @Autowired
    SearchQuery search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void generateDocuments() {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < 600; g++) {
            String kind = KINDS[g % KINDS.length];
            String title = TRADES[random.nextInt(TRADES.length)] + " " + NAMES[random.nextInt(NAMES.length)] + (g % 4 == 0 ? " " + g : "");
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 3 + random.nextInt(40); w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 7 == 6 ? ". " : " ");
            }
            String key = "gen-" + g;
            // German only, German and English, or English only
            int languages = g % 5;
            if (languages != 4) {
                rows.add(new Object[] {kind, key, "de", title, body.toString(), "/gen/" + g});
            }
            if (languages >= 3) {
                rows.add(new Object[] {kind, key, "en", title + (g % 2 == 0 ? " shop" : ""), "bakery coffee " + body, "/en/gen/" + g});
            }
            if (g % 10 == 0) {
                // the same document in another kind: equal counts and ranks, ordered by kind
                rows.add(new Object[] {KINDS[(g + 1) % KINDS.length], "gen-copy-" + g, "de", title, body.toString(), "/gen/copy/" + g});
            }
        }
        jdbc.batchUpdate("INSERT INTO search_document (kind, key, language, title, body, url, updated) VALUES (?, ?, ?, ?, ?, ?, now())", rows);
    }

    @AfterEach
    void removeThem() {
        jdbc.update("DELETE FROM search_document WHERE key LIKE 'gen-%' OR kind IN ('gen-a', 'gen-b', 'genc')");
    }

    @Test
    void everySearchFindsWhatTheDatabaseFinds() {
        List<String> queries = List.of("Bäckerei", "Baeckerei", "Backerei", "Bäckrei", "Bäckereien", "Metzgrei", "Tischlrei",
                "Apoteke", "Frisör", "Bäckerei Schmidt", "Optik Yilmaz", "Blumen Müller", "Fahrrad", "Fusspflege", "Fußpflege",
                "Brot", "Brötchen Torten", "Kaffee Fairtrade", "Bottrop", "Große", "Wilde", "Öztürk", "Ozturk", "12", "300",
                "Schmidt 12", "und", "der die das", "xyzzy", "ä", "B", "!!!", "Bä ck er ei", "bakery", "coffee shop", "shop",
                "Kamphues", "Kamphus", "Baeckerei Kamphues", "Handwerker-Frühstück", "Handwerkerfrustuck", "Handwerker Fruehstueck",
                "HalloBot", "Halobot Onlineplatform", "Fachkräftesicherung", "Fachkraeftesicherung", "Sprechtag",
                "Digitalisierungssprechtak", "Ombudsstelle", "ombuds office", "Datenschutzbeauftragte", "Gebärden-Sprache",
                "Handwerk", "Anlagenmechaniker", "Fuhlenbrock Pausenkiosk", "Zeche Bäckrei", "Schmidt Bäckrei", "Bakery Schmidt");
        int compared = 0;
        int withHits = 0;
        for (String query : queries) {
            for (String language : List.of("de", "en")) {
                Result all = compare(query, language, null, 0);
                compared++;
                withHits += all.hits().isEmpty() ? 0 : 1;
                for (String kind : all.counts().keySet()) {
                    compare(query, language, kind, 0);
                    compare(query, language, kind, 1);
                    compared += 2;
                }
                compare(query, language, "gibt-es-nicht", 0);
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(withHits).isGreaterThan(80);
    }

    @Test
    void moreThanTheCandidatesAllowedAreCountedAsTheDatabaseCountsThem() {
        List<Object[]> rows = new ArrayList<>();
        for (int g = 0; g < SearchQuery.MAX_CANDIDATES + 100; g++) {
            rows.add(new Object[] {KINDS[g % 2], "gen-lampe-" + g, "de", "Grubenlampe " + g, "Kaue", "/gen/lampe/" + g});
        }
        jdbc.batchUpdate("INSERT INTO search_document (kind, key, language, title, body, url, updated) VALUES (?, ?, ?, ?, ?, ?, now())", rows);
        // which thousand the statement takes is not determined; the index takes the first by title
        Result inMemory = search.searchInMemory("Grubenlampe", "de", null, 0).orElseThrow();
        assertThat(inMemory.total()).isEqualTo(search.searchInDatabase("Grubenlampe", "de", null, 0).total())
                .isEqualTo(SearchQuery.MAX_CANDIDATES);
        assertThat(inMemory.hits()).hasSize(2 * SearchQuery.PER_KIND);
        int lastPage = (inMemory.counts().get("gen-a") - 1) / SearchQuery.PAGE_SIZE;
        assertThat(search.searchInMemory("Grubenlampe", "de", "gen-a", lastPage).orElseThrow().hits()).isNotEmpty();
        assertThat(search.searchInMemory("Grubenlampe", "de", "gen-a", lastPage + 1).orElseThrow().hits()).isEmpty();
    }

    @Test
    void aChangeIsFoundByTheNextSearch() {
        assertThat(search.searchInMemory("Zauberwürfel", "de", null, 0).orElseThrow().hits()).isEmpty();
        jdbc.update("UPDATE search_document SET title = 'Zauberwürfel Schmidt' WHERE kind = 'gen-a' AND key = 'gen-3'");
        assertThat(search.searchInMemory("Zauberwürfel", "de", null, 0).orElseThrow().hits()).extracting(Hit::key)
                .containsExactly("gen-3");
        jdbc.update("DELETE FROM search_document WHERE kind = 'gen-a' AND key = 'gen-3'");
        assertThat(search.searchInMemory("Zauberwürfel", "de", null, 0).orElseThrow().hits()).isEmpty();
    }

    private Result compare(String query, String language, String kind, int page) {
        Result inMemory = search.searchInMemory(query, language, kind, page).orElseThrow();
        Result inDatabase = search.searchInDatabase(query, language, kind, page);
        String what = query + " (" + language + ", " + kind + ", page " + page + ")";
        // both bounded alike only below the bound: above it the statement takes any thousand
        assertThat(inDatabase.total()).as(what).isLessThan(SearchQuery.MAX_CANDIDATES);
        assertThat(List.copyOf(inMemory.counts().entrySet())).as(what)
                .containsExactlyElementsOf(List.<Map.Entry<String, Integer>>copyOf(inDatabase.counts().entrySet()));
        assertThat(inMemory.hits()).as(what).containsExactlyElementsOf(inDatabase.hits());
        return inDatabase;
    }

    @Test
    void moreDocumentsThanTheHeapIsSizedForAreSearchedInPostgres() {
        long version = jdbc.queryForObject("SELECT version FROM data_version", Long.class);
        int documents = jdbc.queryForObject("SELECT count(*) FROM search_document", Integer.class);
        assertThat(new DocumentIndexes(jdbcClient, transactions, new SearchProperties(true, documents - 1)).atLeast(version)).isEmpty();
        assertThat(new DocumentIndexes(jdbcClient, transactions, new SearchProperties(true, documents)).atLeast(version)).isPresent();
    }
}
