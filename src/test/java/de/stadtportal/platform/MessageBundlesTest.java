package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text exists in German and in English; a key missing in one language fails here, not in front of a user. */
class MessageBundlesTest {

    static Stream<String> bundles() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties");
        Set<String> names = new TreeSet<>();
        for (Resource file : files) {
            String name = file.getFilename();
            if (!name.contains("_")) {
                names.add(name.substring(0, name.length() - ".properties".length()));
            }
        }
        assertThat(names).contains("messages", "reallabor", "content");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void germanAndEnglishHaveTheSameKeysAndNoEmptyText(String bundle) throws IOException {
        Properties german = load("messages/" + bundle + ".properties");
        Properties english = load("messages/" + bundle + "_en.properties");
        assertThat(english.stringPropertyNames()).as("keys of %s_en", bundle)
                .containsExactlyInAnyOrderElementsOf(german.stringPropertyNames());
        assertThat(german.values()).as("German texts of %s", bundle).allMatch(v -> !v.toString().isBlank());
        assertThat(english.values()).as("English texts of %s", bundle).allMatch(v -> !v.toString().isBlank());
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
