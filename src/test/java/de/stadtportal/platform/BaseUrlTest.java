package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Links in mails follow the port the portal listens on unless PORTAL_BASE_URL says otherwise. */
class BaseUrlTest {

    private static String baseUrlWith(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return env.getProperty("portal.base-url");
    }

    @Test
    void withoutBaseUrlTheLinksUseThePort() throws IOException {
        assertThat(baseUrlWith(Map.of("PORT", "18080"))).isEqualTo("http://localhost:18080");
        assertThat(baseUrlWith(Map.of())).isEqualTo("http://localhost:8080");
    }

    @Test
    void anExplicitBaseUrlWins() throws IOException {
        assertThat(baseUrlWith(Map.of("PORT", "18080", "PORTAL_BASE_URL", "https://portal.bottrop.de")))
                .isEqualTo("https://portal.bottrop.de");
    }
}
