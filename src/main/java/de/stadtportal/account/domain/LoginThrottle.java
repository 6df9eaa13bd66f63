package de.stadtportal.account.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Brute-force control for the login: failed attempts are limited per account and per client
 * address (Bucket4j token buckets). Kept in memory per portal instance; the limits are low enough
 * that several instances together still stop guessing.
 */
@Component
public class LoginThrottle {

    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> byAccount = lruMap();
    private final Map<String, Bucket> byAddress = lruMap();

    /** True when this account or this address has used up its failed attempts for now. */
    public synchronized boolean isBlocked(String email, String address) {
        Bucket account = byAccount.get(AccountService.normalizeEmail(email));
        Bucket client = byAddress.get(address);
        return (account != null && account.getAvailableTokens() <= 0) || (client != null && client.getAvailableTokens() <= 0);
    }

    public synchronized void failed(String email, String address) {
        byAccount.computeIfAbsent(AccountService.normalizeEmail(email), k -> bucket(FAILURES_PER_ACCOUNT)).tryConsume(1);
        byAddress.computeIfAbsent(address, k -> bucket(FAILURES_PER_ADDRESS)).tryConsume(1);
    }

    public synchronized void succeeded(String email) {
        byAccount.remove(AccountService.normalizeEmail(email));
    }

    private static Bucket bucket(int capacity) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
                .build();
    }

    /** Bounded, so a flood of made-up names cannot fill the memory. */
    private static Map<String, Bucket> lruMap() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
