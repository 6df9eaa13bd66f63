package de.stadtportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other only through their public API (the feature's top-level package). */
class ModularityTest {

    @Test
    void featuresRespectEachOthersBoundaries() {
        ApplicationModules.of(StadtportalApplication.class).verify();
    }
}
