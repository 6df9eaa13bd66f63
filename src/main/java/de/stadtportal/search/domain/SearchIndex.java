package de.stadtportal.search.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableDocumentChanged;
import de.stadtportal.search.SearchableDocumentRemoved;
import de.stadtportal.search.SearchableSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the table search_document in line with the modules' {@link SearchableSource}s: on start-up,
 * every few minutes (only kinds whose version or content changed are rewritten), and at once for
 * the single documents modules announce by event. Several portal instances may run this: a
 * transaction-scoped advisory lock lets one of them write a kind at a time.
 */
@Service
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final JdbcClient jdbc;
    private final List<SearchableSource> sources;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SearchIndex(JdbcClient jdbc, List<SearchableSource> sources, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.sources = List.copyOf(sources);
        this.transactions = transactions;
        this.clock = clock;
        Map<String, Long> kinds = sources.stream().collect(Collectors.groupingBy(SearchableSource::kind, Collectors.counting()));
        kinds.forEach((kind, count) -> {
            if (count > 1) {
                throw new IllegalStateException("two search sources deliver the kind " + kind);
            }
        });
    }

    public List<SearchableSource> sources() {
        return sources;
    }

    public Map<String, SearchableSource> sourcesByKind() {
        return sources.stream().collect(Collectors.toMap(SearchableSource::kind, Function.identity()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        refresh();
    }

    @Scheduled(fixedDelayString = "${portal.search.refresh-interval:2m}", initialDelayString = "${portal.search.refresh-interval:2m}")
    void periodically() {
        refresh();
    }

    /** Replaces the documents of every kind that changed since it was last indexed; returns how many kinds. */
    public int refresh() {
        int replaced = 0;
        for (SearchableSource source : sources) {
            try {
                Boolean done = transactions.execute(status -> refresh(source));
                replaced += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                // one broken source must not keep the others out of the search
                log.error("Search documents of kind {} could not be indexed", source.kind(), e);
            }
        }
        return replaced;
    }

    private boolean refresh(SearchableSource source) {
        String kind = source.kind();
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('search_document'), hashtext(:kind))")
                .param("kind", kind).query(Boolean.class).single()) {
            return false; // another instance is writing this kind right now
        }
        String known = jdbc.sql("SELECT fingerprint FROM search_source WHERE kind = :kind").param("kind", kind)
                .query(String.class).optional().orElse(null);
        long version = source.version();
        if (version >= 0 && ("v" + version).equals(known)) {
            return false;
        }
        List<SearchableDocument> documents = source.documents();
        for (SearchableDocument document : documents) {
            if (!document.kind().equals(kind)) {
                throw new IllegalStateException("source " + kind + " delivered a document of kind " + document.kind());
            }
        }
        String fingerprint = version >= 0 ? "v" + version : "h" + hash(documents);
        if (fingerprint.equals(known)) {
            return false;
        }
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind").param("kind", kind).update();
        documents.forEach(this::insert);
        jdbc.sql("""
                INSERT INTO search_source (kind, fingerprint, indexed_at) VALUES (:kind, :fingerprint, :now)
                ON CONFLICT (kind) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, indexed_at = EXCLUDED.indexed_at""")
                .param("kind", kind).param("fingerprint", fingerprint).param("now", Timestamp.from(clock.instant())).update();
        return true;
    }

    /** A module announced a new or changed document: written once the module's transaction committed. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SearchableDocumentChanged event) {
        SearchableDocument document = event.document();
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND key = :key AND language = :language")
                .param("kind", document.kind()).param("key", document.key()).param("language", document.language()).update();
        insert(document);
        forgetFingerprint(document.kind());
    }

    /** Texts that several sources read changed: every source is compared with its index now. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void on(de.stadtportal.search.SearchableSourcesChanged event) {
        refresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SearchableDocumentRemoved event) {
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND key = :key")
                .param("kind", event.kind()).param("key", event.key()).update();
        forgetFingerprint(event.kind());
    }

    /** Every German document, by kind and title: the sitemap's records. */
    @Transactional(readOnly = true)
    public List<SearchableDocument> documents() {
        return jdbc.sql("SELECT kind, key, language, title, url, updated FROM search_document WHERE language = 'de' ORDER BY kind, url")
                .query((rs, row) -> new SearchableDocument(rs.getString("kind"), rs.getString("key"), rs.getString("language"),
                        rs.getString("title"), "", rs.getString("url"), rs.getTimestamp("updated").toInstant()))
                .list();
    }

    private void insert(SearchableDocument document) {
        jdbc.sql("""
                INSERT INTO search_document (kind, key, language, title, body, url, updated)
                VALUES (:kind, :key, :language, :title, :body, :url, :updated)
                ON CONFLICT (kind, key, language) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body,
                    url = EXCLUDED.url, updated = EXCLUDED.updated""")
                .param("kind", document.kind()).param("key", cut(document.key(), 200)).param("language", document.language())
                .param("title", clean(document.title())).param("body", clean(document.text()))
                .param("url", cut(document.url(), 500))
                .param("updated", Timestamp.from(document.updated() == null ? Instant.EPOCH : document.updated())).update();
    }

    /** The next reconciliation compares the content again, so an event never hides a later full change. */
    private void forgetFingerprint(String kind) {
        jdbc.sql("DELETE FROM search_source WHERE kind = :kind").param("kind", kind).update();
    }

    /** PostgreSQL refuses NUL in text; other control characters only disturb snippets. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ");
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static String hash(List<SearchableDocument> documents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>();
            for (SearchableDocument d : documents) {
                parts.clear();
                parts.add(d.key());
                parts.add(d.language());
                parts.add(d.title());
                parts.add(d.text());
                parts.add(d.url());
                parts.add(String.valueOf(d.updated()));
                digest.update(String.join("\u0001", parts).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 2);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
