package de.stadtportal;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring's test support binds a mock request to the thread of every test method in a web context. A test that calls
 * services directly is no request, though: with one bound, what a request reads once and keeps for its duration
 * (PublicDataVersion's number) would stay the same through the whole test, across the changes it makes. MockMvc binds
 * its own request per call.
 */
class NoRequestBound implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        RequestContextHolder.resetRequestAttributes();
    }
}
