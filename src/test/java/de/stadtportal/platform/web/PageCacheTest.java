package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A missing page is rendered by one request; the others of the same moment wait for it instead of rendering it too. */
class PageCacheTest {

    final PageCache pages = new PageCache(DataSize.ofMegabytes(1), Duration.ofSeconds(60));
    final PageCache.Key key = new PageCache.Key("W/\"1-de\"", "/impressum", Map.of(), "localhost", null, null, null);

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
        assertThat(pages.mayBeKept(new PageCache.Key("W/\"1-de\"", "/unternehmen", Map.of("q", List.of("x")), "localhost",
                null, null, null))).isTrue();
    }
}
