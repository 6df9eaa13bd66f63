package de.stadtportal.account.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Brute-force control for the login (Bucket4j token buckets, in memory per portal instance; the
 * limits are low enough that several instances together still stop guessing):
 * <ul>
 * <li>per account <em>and</em> client address: 5 failures in 15 minutes. A stranger who guesses
 * from elsewhere blocks only himself, never the owner (before, five wrong passwords from anywhere
 * locked any account, the only admin's too);</li>
 * <li>per client address: 20 failures in 15 minutes, whatever the accounts;</li>
 * <li>per account, from all addresses: after 10 failures within an hour the owner is told by mail,
 * once until the next successful login. Guessing from many addresses is then visible, and a
 * strong password (12+ characters, not a common one) holds.</li>
 * </ul>
 */
@Component
public class LoginThrottle {

    static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    static final int FAILURES_BEFORE_WARNING = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration WARNING_WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> byAccountAndAddress = lruMap();
    private final Map<String, Bucket> byAddress = lruMap();
    private final Map<String, Bucket> byAccount = lruMap();
    private final Map<String, Boolean> warned = lruMap();

    /** True when this account from this address, or this address, has used up its failed attempts for now. */
    public synchronized boolean isBlocked(String email, String address) {
        Bucket pair = byAccountAndAddress.get(pair(email, address));
        Bucket client = byAddress.get(address);
        return (pair != null && pair.getAvailableTokens() <= 0) || (client != null && client.getAvailableTokens() <= 0);
    }

    /** @return true exactly once when the account's owner should now be told of repeated failures */
    public synchronized boolean failed(String email, String address) {
        byAccountAndAddress.computeIfAbsent(pair(email, address), k -> bucket(FAILURES_PER_ACCOUNT_AND_ADDRESS, WINDOW)).tryConsume(1);
        byAddress.computeIfAbsent(address, k -> bucket(FAILURES_PER_ADDRESS, WINDOW)).tryConsume(1);
        String account = AccountService.normalizeEmail(email);
        boolean exhausted = !byAccount.computeIfAbsent(account, k -> bucket(FAILURES_BEFORE_WARNING - 1, WARNING_WINDOW)).tryConsume(1);
        return exhausted && warned.putIfAbsent(account, Boolean.TRUE) == null;
    }

    public synchronized void succeeded(String email, String address) {
        String account = AccountService.normalizeEmail(email);
        byAccountAndAddress.remove(pair(email, address));
        byAccount.remove(account);
        warned.remove(account);
    }

    private static String pair(String email, String address) {
        return AccountService.normalizeEmail(email) + " " + address;
    }

    private static Bucket bucket(int capacity, Duration window) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build();
    }

    /** Bounded, so a flood of made-up names cannot fill the memory. */
    private static <V> Map<String, V> lruMap() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
