package de.stadtportal.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Whole public pages as anonymous visitors get them, kept in memory per address with the ETag they
 * were rendered under (data version, language, build, period: see {@link HttpCacheFilter}). Every
 * anonymous visitor of an address gets the same bytes, so a page is rendered once per data version and
 * period, not once per request: a kept page is answered before Spring Security, the controllers and
 * Thymeleaf. A new data version (any change to public data, on any instance) or the next period makes
 * the kept page stale; the next request renders it again and it replaces the old one. Only what
 * {@link HttpCacheFilter} marks public is kept: status 200, no cookie (so no CSRF token, no message
 * meant for one person), nothing rendered for a logged-in person.
 * <p>Memory: one page per address, not one per address and ETag, and a page rendered again with the
 * same bytes keeps the arrays it had. Otherwise every minute (the next period) would copy the whole
 * cache, and on a 256 MB heap the old copies filled the old generation until full collections of
 * 230-370 ms stopped every request (bench/RESULTS.md). A page is kept from the second request for its
 * address on: a search for a rare word is asked once, and keeping it only pushes out pages asked often.
 * And text is kept gzipped only, about a fifth of its bytes, since browsers take it so: the same memory
 * holds five times the pages, so fewer fall out into the old generation's garbage.
 */
final class PageCache {

    /** For clients that do not take gzip (curl, some bots; behind the nginx recipe, the proxy on a miss). */
    private static final int INFLATE_BUFFER = 8192;
    private static final int GZIP_BUFFER = 8192;
    /** As server.compression: text types of at least 2 KB are worth compressing. */
    private static final int COMPRESS_FROM = 2048;
    private static final Pattern COMPRESSED = Pattern.compile(
            "(text/|application/(json|xml|javascript|atom\\+xml|rss\\+xml|ld\\+json|geo\\+json)|image/svg\\+xml)");

    /** Headers that belong to one answer, not to the page (the ETag is kept with the page and set when answering). */
    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
            "connection", "keep-alive", "etag", "content-type");

    /** Slots of addresses asked for (about as many as pages fit), by hash: the hash above, how often asked (1, 2) below. */
    private static final int ASKED_SLOTS = 1 << 16;

    private final Cache<Key, Page> pages;
    /**
     * Plain copies of gzipped pages for clients that do not take gzip (curl, bots, the nginx recipe's proxy
     * on a miss), an eighth of the memory: Caffeine admits the pages asked for often, so those are not
     * inflated per request, while a page asked for once is dropped young.
     */
    private final Cache<Key, Inflated> inflatedCopies;
    /** A fixed array, so that remembering an address asked once makes no garbage; a collision forgets one. */
    private final AtomicLongArray asked = new AtomicLongArray(ASKED_SLOTS);
    /**
     * One copy of each set of headers and of each request header value in keys: nearly every page has the same
     * headers (security, caching), and thousands of kept pages each holding their own maps and strings were
     * about a tenth of all the portal keeps on the heap. Weak, so a set no kept page uses any more goes.
     */
    private static final Interner<String> HEADER_VALUES = Interner.newWeakInterner();
    private final Interner<Map<String, List<String>>> headerSets = Interner.newWeakInterner();
    /** Pages being rendered right now, so that one request renders and the others wait for it. */
    private final ConcurrentHashMap<Key, CountDownLatch> rendering = new ConcurrentHashMap<>();
    /** Addresses whose answer was not kept (a form's session, an error): their requests render without waiting. */
    private final Cache<Key, Boolean> notKept;

    /**
     * @param memory  the most bytes of pages kept (an eighth of it for plain copies); 0 keeps none
     * @param period  how long one ETag period lasts; entries outlive it a little, then age out
     */
    PageCache(DataSize memory, Duration period) {
        this.pages = memory.toBytes() <= 0 ? null
                : Caffeine.newBuilder()
                        .maximumWeight(memory.toBytes() - memory.toBytes() / 8)
                        .weigher((Key key, Page page) -> page.weight() + key.weight())
                        .expireAfterWrite(period.multipliedBy(2))
                        .build();
        this.inflatedCopies = Caffeine.newBuilder()
                .maximumWeight(memory.toBytes() / 8)
                .weigher((Key key, Inflated copy) -> copy.body().length + key.weight())
                .expireAfterWrite(period.multipliedBy(2))
                .build();
        this.notKept = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(period.multipliedBy(2)).build();
    }

    boolean enabled() {
        return pages != null;
    }

    /** The key of a request: everything a page's bytes may depend on besides the data version and period. */
    static Key key(HttpServletRequest request, String language) {
        return new Key(language, request.getRequestURI(), parameters(request), header(request, HttpHeaders.HOST),
                header(request, "X-Forwarded-Host"), header(request, "X-Forwarded-Proto"), header(request, HttpHeaders.ACCEPT));
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? null : HEADER_VALUES.intern(value);
    }

    /** The parameters in any order ("?a=1&b=2" and "?b=2&a=1" are one page); a GET's come from its query only. */
    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, String[]> given = request.getParameterMap();
        if (given.isEmpty()) {
            return Map.of();
        }
        // an immutable map: compact while kept, and equal whatever order the query named them in
        @SuppressWarnings("unchecked")
        Map.Entry<String, List<String>>[] parameters = new Map.Entry[given.size()];
        int i = 0;
        for (Map.Entry<String, String[]> parameter : given.entrySet()) {
            parameters[i++] = Map.entry(parameter.getKey(), List.of(parameter.getValue()));
        }
        return Map.ofEntries(parameters);
    }

    /** Writes the page kept under this ETag and says true, or says false when there is none. */
    boolean answer(Key key, String etag, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = pages.getIfPresent(key);
        if (page == null || !page.etag().equals(etag)) {
            return false;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        // plain loops: this runs for every kept page served, thousands of times a second
        for (Map.Entry<String, List<String>> header : page.headers().entrySet()) {
            List<String> values = header.getValue();
            response.setHeader(header.getKey(), values.get(0));
            for (int i = 1; i < values.size(); i++) {
                response.addHeader(header.getKey(), values.get(i));
            }
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        boolean head = "HEAD".equals(request.getMethod());
        byte[] body = page.body();
        int length = body.length;
        if (page.gzipped()) {
            if (acceptsGzip(request)) {
                // browsers ask for gzip: the page was compressed once when kept, not by the connector per request
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            } else {
                length = page.plainLength();
                body = head ? null : inflated(key, page);
            }
        }
        response.setContentLength(length);
        if (!head) {
            response.getOutputStream().write(body);
        }
        return true;
    }

    /** The page's bytes inflated: a copy kept for the pages asked for most this way, else inflated now (50 µs for 16 KB). */
    private byte[] inflated(Key key, Page page) throws IOException {
        Inflated copy = inflatedCopies.getIfPresent(key);
        if (copy != null && copy.gzipped() == page.body()) {
            return copy.body();
        }
        byte[] body;
        try (GZIPInputStream plain = new GZIPInputStream(new ByteArrayInputStream(page.body()), INFLATE_BUFFER)) {
            body = plain.readNBytes(page.plainLength());
        }
        inflatedCopies.put(key, new Inflated(page.body(), body));
        return body;
    }

    /** A request found no page kept for its address: counts it, so that the next one keeps what it renders. */
    void missed(Key key) {
        int hash = key.hashCode();
        int slot = slot(hash);
        long entry = asked.get(slot);
        if ((int) (entry >>> 32) != hash) {
            asked.set(slot, (long) hash << 32 | 1);
        } else if ((entry & 0xF) < 2) {
            asked.set(slot, entry + 1);
        }
    }

    private boolean askedAgain(Key key) {
        int hash = key.hashCode();
        long entry = asked.get(slot(hash));
        return (int) (entry >>> 32) == hash && (entry & 0xF) >= 2;
    }

    private static int slot(int hash) {
        return (hash ^ hash >>> 16) & ASKED_SLOTS - 1;
    }

    /**
     * After a new data version or at the next minute every page is missing at once; without this, each
     * of the requests arriving meanwhile would render the same page (on two cores, 32 at a time took a
     * second). Returns null when this request is to render the page (it must call {@link #rendered});
     * otherwise waits up to {@code patience} for the request that renders it and says whether it finished.
     */
    Boolean awaitOtherRendering(Key key, Duration patience) throws InterruptedException {
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch other = rendering.putIfAbsent(key, mine);
        if (other == null) {
            return null;
        }
        return other.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether waiting for another request's rendering may help: a page that was not kept (a form, an error) will not be. */
    boolean mayBeKept(Key key) {
        return notKept.getIfPresent(key) == null;
    }

    /** The rendering request is done, kept or not: whoever waits goes on. */
    void rendered(Key key, boolean kept) {
        if (!kept) {
            notKept.put(key, Boolean.TRUE);
        }
        CountDownLatch latch = rendering.remove(key);
        if (latch != null) {
            latch.countDown();
        }
    }

    /**
     * Keeps the page the chain just rendered for a GET (a HEAD has no body to keep) under its ETag when its
     * address was asked for before ({@link #missed}, also by a request waiting for this one) or a page of
     * it is kept already; says whether it is a page that is kept. Text over 2 KB is kept gzipped only
     * (a fifth of the bytes): browsers take it as it is, other clients get it inflated.
     */
    boolean keep(Key key, String etag, HttpServletRequest request, ContentCachingResponseWrapper rendered) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        Page before = pages.getIfPresent(key);
        if (before == null && !askedAgain(key)) {
            return true;
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : rendered.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(rendered.getHeaders(name)));
            }
        }
        String contentType = rendered.getContentType();
        if (contentType != null && contentType.startsWith("text/html") && !headers.containsKey(HttpHeaders.CONTENT_LANGUAGE)) {
            // Tomcat sends the view's language from the response's locale, not among its headers
            headers.put(HttpHeaders.CONTENT_LANGUAGE, List.of(key.language()));
        }
        int length = rendered.getContentSize();
        boolean compress = compressible(contentType, length);
        // read from the rendered buffers as they are: no plain copy of the page for gzip to read
        InputStream body = rendered.getContentInputStream();
        Page page = new Page(etag, contentType, headerSets.intern(Map.copyOf(headers)), compress ? gzip(body, length) : body.readAllBytes(), compress, length);
        // unchanged (the next period, another table's change): the arrays kept stay, only the ETag is new.
        // Compressing is deterministic, so equal bytes compressed are equal pages.
        pages.put(key, before != null && before.sameAs(page) ? before.under(etag) : page);
        return true;
    }

    /** Bytes of the pages kept now, with their keys (as weighed against portal.http-cache.pages). */
    long keptBytes() {
        pages.cleanUp();
        return pages.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Whether the connector would compress it (server.compression: text, over 2 KB). */
    private static boolean compressible(String contentType, int length) {
        return length >= COMPRESS_FROM && contentType != null && COMPRESSED.matcher(contentType).lookingAt();
    }

    private static byte[] gzip(InputStream body, int length) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, GZIP_BUFFER)) {
            body.transferTo(gzip);
        }
        return compressed.toByteArray();
    }

    /** Whether the request's Accept-Encoding takes gzip (not refused with q=0). */
    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return parts.length < 2 || !parts[1].strip().matches("(?i)q=0(\\.0*)?");
            }
        }
        return false;
    }

    record Key(String language, String uri, Map<String, List<String>> parameters, String host, String forwardedHost,
               String forwardedProto, String accept) {

        int weight() {
            return 200 + uri.length() + parameters.toString().length();
        }
    }

    /**
     * A kept page: the ETag it was rendered under and its bytes, gzipped when {@code gzipped} (then
     * {@code plainLength} is their length inflated).
     */
    private record Page(String etag, String contentType, Map<String, List<String>> headers, byte[] body,
                        boolean gzipped, int plainLength) {

        int weight() {
            return 100 + body.length;
        }

        boolean sameAs(Page other) {
            return Objects.equals(contentType, other.contentType) && headers.equals(other.headers)
                    && gzipped == other.gzipped && Arrays.equals(body, other.body);
        }

        Page under(String etag) {
            return new Page(etag, contentType, headers, body, gzipped, plainLength);
        }
    }

    /** The plain bytes of kept gzipped bytes (those very bytes: a changed page kept since has others). */
    private record Inflated(byte[] gzipped, byte[] body) {
    }
}
