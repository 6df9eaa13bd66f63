package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A missing page is rendered by one request; the others of the same moment wait for it instead of rendering it too.
 * An address keeps one page, whichever ETag it was rendered under last; text is kept gzipped.
 */
class PageCacheTest {

    final PageCache pages = new PageCache(DataSize.ofMegabytes(1), Duration.ofSeconds(60));
    final PageCache.Key key = new PageCache.Key("de", "/impressum", Map.of(), "localhost", null, null, null);

    /** A page is its address: the order the query names its parameters in does not matter, their values do. */
    @Test
    void theParametersInAnyOrderAreOneKeyTheirValuesAreNot() {
        MockHttpServletRequest one = new MockHttpServletRequest("GET", "/unternehmen");
        one.addParameter("q", "Brot");
        one.addParameter("merkmal", "wlan", "gutschein");
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/unternehmen");
        other.addParameter("merkmal", "wlan", "gutschein");
        other.addParameter("q", "Brot");
        MockHttpServletRequest otherValues = new MockHttpServletRequest("GET", "/unternehmen");
        otherValues.addParameter("merkmal", "gutschein", "wlan");
        otherValues.addParameter("q", "Brot");
        assertThat(PageCache.key(one, "de")).isEqualTo(PageCache.key(other, "de")).hasSameHashCodeAs(PageCache.key(other, "de"))
                .isNotEqualTo(PageCache.key(otherValues, "de")).isNotEqualTo(PageCache.key(one, "en"));
    }

    @Test
    void theFirstRequestRendersAndTheNextWaitsUntilItIsDone() throws Exception {
        assertThat(pages.awaitOtherRendering(key, Duration.ofSeconds(5))).as("the first renders").isNull();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try {
                return pages.awaitOtherRendering(key, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(second).as("still waiting for the first").isNotDone();
        pages.rendered(key, true);
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pages.mayBeKept(key)).isTrue();
        // the next miss of the same address renders again (nobody is rendering it now)
        assertThat(pages.awaitOtherRendering(key, Duration.ofSeconds(5))).isNull();
        pages.rendered(key, true);
    }

    @Test
    void aWaitingRequestGivesUpAfterItsPatienceAndAPageThatIsNotKeptIsNotWaitedFor() throws Exception {
        assertThat(pages.awaitOtherRendering(key, Duration.ofSeconds(5))).isNull();
        assertThat(pages.awaitOtherRendering(key, Duration.ofMillis(50))).as("gave up").isFalse();
        pages.rendered(key, false);
        assertThat(pages.mayBeKept(key)).as("a form's page: nobody waits for it").isFalse();
        assertThat(pages.mayBeKept(new PageCache.Key("de", "/unternehmen", Map.of("q", List.of("x")), "localhost",
                null, null, null))).isTrue();
    }

    /** Every minute (the next period) each page is rendered again: when it did not change, the cache holds it once. */
    @Test
    void aPageRenderedAgainUnderANewETagReplacesTheOldOne() throws Exception {
        byte[] body = page("Impressum");
        askedTwice();
        assertThat(pages.keep(key, "W/\"1-de-b-100\"", get(), rendered(body))).isTrue();
        long oneCopy = pages.keptBytes();
        assertThat(oneCopy).as("kept gzipped").isPositive().isLessThan(body.length / 2);

        assertThat(pages.keep(key, "W/\"1-de-b-101\"", get(), rendered(body.clone()))).isTrue();
        assertThat(pages.keptBytes()).as("one copy, not one per ETag").isEqualTo(oneCopy);
        assertThat(answer("W/\"1-de-b-100\"", null)).as("the old ETag's page is gone").isNull();
        MockHttpServletResponse kept = answer("W/\"1-de-b-101\"", null);
        assertThat(kept.getHeader("ETag")).isEqualTo("W/\"1-de-b-101\"");
        assertThat(kept.getContentAsByteArray()).isEqualTo(body);

        byte[] changed = page("Impressum, geändert");
        pages.keep(key, "W/\"2-de-b-101\"", get(), rendered(changed));
        assertThat(answer("W/\"1-de-b-101\"", null)).isNull();
        assertThat(answer("W/\"2-de-b-101\"", null).getContentAsByteArray()).as("not the old page's plain copy").isEqualTo(changed);
        assertThat(answer("W/\"2-de-b-101\"", null).getContentAsByteArray()).isEqualTo(changed);
        PageCache alone = new PageCache(DataSize.ofMegabytes(1), Duration.ofSeconds(60));
        alone.missed(key);
        alone.missed(key);
        alone.keep(key, "W/\"2-de-b-101\"", get(), rendered(changed));
        assertThat(pages.keptBytes()).as("only the changed page").isEqualTo(alone.keptBytes());
    }

    /** Browsers take gzip: a page is kept compressed once; clients that do not take it get the same bytes inflated. */
    @Test
    void aKeptPageGoesGzippedToWhoeverTakesGzipAndInflatedToOthers() throws Exception {
        byte[] body = page("Datenschutz");
        askedTwice();
        pages.keep(key, "W/\"1-de-b-100\"", get(), rendered(body));
        assertThat(pages.keptBytes()).isLessThan(body.length / 2);

        MockHttpServletResponse gzipped = answer("W/\"1-de-b-100\"", "gzip, deflate, br");
        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.getHeader("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(gzipped.getContentLength()).isEqualTo(gzipped.getContentAsByteArray().length).isLessThan(body.length / 2);
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(gzipped.getContentAsByteArray()))) {
            assertThat(gzip.readAllBytes()).isEqualTo(body);
        }

        for (String plain : new String[] {null, "identity", "gzip;q=0, deflate"}) {
            MockHttpServletResponse inflated = answer("W/\"1-de-b-100\"", plain);
            assertThat(inflated.getHeader("Content-Encoding")).as(plain).isNull();
            assertThat(inflated.getContentLength()).isEqualTo(body.length);
            assertThat(inflated.getContentAsByteArray()).as(plain).isEqualTo(body);
        }
        MockHttpServletResponse head = new MockHttpServletResponse();
        assertThat(pages.answer(key, "W/\"1-de-b-100\"", new MockHttpServletRequest("HEAD", "/impressum"), head)).isTrue();
        assertThat(head.getContentLength()).isEqualTo(body.length);
        assertThat(head.getContentAsByteArray()).isEmpty();

        // a page under 2 KB is kept as it is
        PageCache.Key small = new PageCache.Key("de", "/klein", Map.of(), "localhost", null, null, null);
        pages.missed(small);
        pages.missed(small);
        pages.keep(small, "W/\"1-de-b-100\"", get(), rendered("<p>kurz</p>".getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse kept = new MockHttpServletResponse();
        MockHttpServletRequest request = get();
        request.addHeader("Accept-Encoding", "gzip");
        assertThat(pages.answer(small, "W/\"1-de-b-100\"", request, kept)).isTrue();
        assertThat(kept.getHeader("Content-Encoding")).isNull();
        assertThat(kept.getContentAsString()).isEqualTo("<p>kurz</p>");
    }

    /** A search for a rare word is asked once: keeping it would only push out pages asked often. */
    @Test
    void aPageIsKeptFromTheSecondRequestForItsAddressOn() throws Exception {
        byte[] body = page("Impressum");
        pages.missed(key);
        assertThat(pages.keep(key, "W/\"1-de-b-100\"", get(), rendered(body))).as("a page that is kept, later").isTrue();
        assertThat(answer("W/\"1-de-b-100\"", null)).as("asked once").isNull();
        assertThat(pages.keptBytes()).isZero();

        PageCache.Key other = new PageCache.Key("de", "/unternehmen", Map.of("q", List.of("4711")), "localhost", null, null, null);
        pages.missed(other);
        pages.missed(key);
        pages.keep(key, "W/\"1-de-b-100\"", get(), rendered(body));
        assertThat(answer("W/\"1-de-b-100\"", null).getContentAsByteArray()).isEqualTo(body);

        // a request that waits for the one rendering counts as asking again
        PageCache.Key waitedFor = new PageCache.Key("en", "/impressum", Map.of(), "localhost", null, null, null);
        pages.missed(waitedFor);
        assertThat(pages.awaitOtherRendering(waitedFor, Duration.ofSeconds(1))).isNull();
        pages.missed(waitedFor);
        pages.keep(waitedFor, "W/\"1-en-b-100\"", get(), rendered(body));
        pages.rendered(waitedFor, true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(pages.answer(waitedFor, "W/\"1-en-b-100\"", get(), response)).isTrue();
    }

    private void askedTwice() {
        pages.missed(key);
        pages.missed(key);
    }

    private MockHttpServletResponse answer(String etag, String acceptEncoding) throws Exception {
        MockHttpServletRequest request = get();
        if (acceptEncoding != null) {
            request.addHeader("Accept-Encoding", acceptEncoding);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        return pages.answer(key, etag, request, response) ? response : null;
    }

    private static MockHttpServletRequest get() {
        return new MockHttpServletRequest("GET", "/impressum");
    }

    /** What the chain rendered, as HttpCacheFilter holds it. */
    private static ContentCachingResponseWrapper rendered(byte[] body) throws IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=60");
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        rendered.getOutputStream().write(body);
        return rendered;
    }

    private static byte[] page(String title) {
        return ("<!DOCTYPE html><title>" + title + "</title>" + "<p>Bottrop</p>".repeat(400)).getBytes(StandardCharsets.UTF_8);
    }
}
