package de.stadtportal.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import de.stadtportal.PortalTest;
import de.stadtportal.platform.database.PublicDataVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff's texts as another instance saved them: no {@code forget()} here, only the data version's notice. A page
 * rendered after the notice is kept under the new version, so it must carry the new text at once, not up to half
 * a second later (it would stay wrong until the next change).
 */
@PortalTest
class PageTextOverridesTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    PublicDataVersion version;

    @BeforeEach
    void listen() {
        version = new PublicDataVersion(dataSource, jdbc, true);
        version.start();
        await(version::isListening);
    }

    @AfterEach
    void stop() {
        version.stop();
        jdbc.sql("DELETE FROM page_text WHERE key = 'handwerk.title'").update();
    }

    @Test
    void aTextSavedElsewhereIsUsedAsSoonAsItsVersionArrives() {
        PageTextOverrides overrides = new PageTextOverrides(jdbc, version);
        assertThat(overrides.find("handwerk.title", Locale.GERMAN)).isNull();
        long before = version.current().getAsLong();

        jdbc.sql("INSERT INTO page_text (key, page, text_de) VALUES ('handwerk.title', 'handwerk', 'Handwerk in Bottrop')").update();
        await(() -> version.current().getAsLong() > before);

        assertThat(overrides.find("handwerk.title", Locale.GERMAN)).isEqualTo("Handwerk in Bottrop");
    }

    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
