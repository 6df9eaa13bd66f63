package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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
        assertThat(names).contains("platform", "reallabor", "content");
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

    /**
     * One key, one text: a key defined twice (in one file, or in two bundles) silently shows whichever text
     * Spring reads last. Each bundle prefixes its keys with its name, so keys of different bundles never meet.
     */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Map<String, List<String>> where = new TreeMap<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties")) {
            for (String key : keysAsWritten(file)) {
                where.computeIfAbsent(key + (file.getFilename().contains("_en") ? " (en)" : ""), k -> new ArrayList<>())
                        .add(file.getFilename());
            }
        }
        assertThat(where.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString).toList())
                .as("keys defined more than once").isEmpty();
    }

    /**
     * Each bundle prefixes its keys with its name ({@code directory.edit.title} in directory.properties), so a
     * key tells where its text lives and keys of different bundles never meet. Spring's own codes are exempt.
     */
    @ParameterizedTest
    @MethodSource("bundles")
    void everyKeyStartsWithItsBundlesName(String bundle) throws IOException {
        for (String language : List.of("", "_en")) {
            Resource file = new PathMatchingResourcePatternResolver().getResource("classpath:messages/" + bundle + language + ".properties");
            assertThat(keysAsWritten(file).stream().filter(key -> !SPRING_CODES.contains(key)).toList())
                    .as("keys of %s%s", bundle, language).allMatch(key -> key.startsWith(bundle + "."));
        }
    }

    /** Asked for by Spring itself (DefaultMessageCodesResolver's last code of a binding failure). */
    private static final Set<String> SPRING_CODES = Set.of("typeMismatch");

    /** The keys of a properties file in the order written, repeated ones included (Properties would keep only the last). */
    static List<String> keysAsWritten(Resource file) throws IOException {
        List<String> keys = new ArrayList<>();
        boolean continued = false;
        for (String line : new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
            boolean wasContinued = continued;
            continued = line.endsWith("\\") && !line.endsWith("\\\\");
            String text = line.strip();
            if (wasContinued || text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            Matcher key = KEY.matcher(text);
            if (key.lookingAt()) {
                keys.add(key.group(1));
            }
        }
        return keys;
    }

    private static final Pattern KEY = Pattern.compile("((?:[^=:\\s\\\\]|\\\\.)+)");

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
