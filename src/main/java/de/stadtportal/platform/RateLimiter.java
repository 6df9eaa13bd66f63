package de.stadtportal.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * So many attempts per key (usually a client address) and time window, as Bucket4j token buckets.
 * Kept in memory per portal instance and bounded, so a flood of made-up keys cannot fill it.
 */
public final class RateLimiter {

    private static final int MAX_TRACKED = 10_000;

    private final int capacity;
    private final Duration window;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public RateLimiter(int capacity, Duration window) {
        this.capacity = capacity;
        this.window = window;
    }

    /** Uses one attempt; false when this key has none left for now. */
    public synchronized boolean tryAcquire(String key) {
        return buckets.computeIfAbsent(key == null ? "" : key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build()).tryConsume(1);
    }
}
