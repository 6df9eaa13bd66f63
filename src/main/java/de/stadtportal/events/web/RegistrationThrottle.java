package de.stadtportal.events.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Limits the public registration form per client address, so a script cannot fill an event or
 * the outbox. In memory per portal instance (Bucket4j token buckets), bounded in size.
 */
@Component
class RegistrationThrottle {

    static final int PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> byAddress = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** Uses one attempt; false when this address has none left for now. */
    synchronized boolean tryAcquire(String address) {
        return byAddress.computeIfAbsent(address == null ? "" : address, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(PER_ADDRESS).refillGreedy(PER_ADDRESS, WINDOW).build())
                .build()).tryConsume(1);
    }
}
