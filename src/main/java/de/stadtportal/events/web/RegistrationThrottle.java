package de.stadtportal.events.web;

import java.time.Duration;

import de.stadtportal.platform.RateLimiter;
import org.springframework.stereotype.Component;

/** Limits the public registration form per client address, so a script cannot fill an event or the outbox. */
@Component
class RegistrationThrottle {

    static final int PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimiter limiter = new RateLimiter(PER_ADDRESS, WINDOW);

    /** Uses one attempt; false when this address has none left for now. */
    boolean tryAcquire(String address) {
        return limiter.tryAcquire(address);
    }
}
