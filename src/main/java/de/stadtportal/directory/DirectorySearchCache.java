package de.stadtportal.directory;

import java.time.LocalDateTime;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.DirectoryApi.SearchResult;
import de.stadtportal.directory.domain.DirectoryProperties;
import org.springframework.stereotype.Component;

/**
 * Reuses the result of an identical search for a short time (portal.directory.search-cache-ttl, default
 * 30 s; 0 switches it off). The key holds everything that changes a result: the whole search (query,
 * filters, sort, page), the minute ("jetzt geöffnet" is shown on every hit and can be a filter) and the
 * version of the directory's data, a sequence every write to businesses, hours, exceptions, categories
 * or districts advances (trigger of V25). So a change is visible with the next search, whichever code,
 * transaction or server wrote it; the time limit only bounds the memory use and a rare race of a search
 * with a transaction that is just committing.
 */
@Component
class DirectorySearchCache {

    private final Cache<Key, SearchResult> cache;

    DirectorySearchCache(DirectoryProperties settings) {
        this.cache = settings.searchCacheTtl().isZero() || settings.searchCacheTtl().isNegative()
                ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(settings.searchCacheTtl())
                        .maximumSize(settings.searchCacheSize())
                        .build();
    }

    SearchResult get(Search search, long version, LocalDateTime minute, Supplier<SearchResult> compute) {
        return cache == null ? compute.get() : cache.get(new Key(search, version, minute), key -> compute.get());
    }

    boolean enabled() {
        return cache != null;
    }

    private record Key(Search search, long version, LocalDateTime minute) {
    }
}
