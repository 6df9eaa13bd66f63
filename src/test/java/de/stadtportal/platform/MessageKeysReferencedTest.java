package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message key the code names exists in the German and in the English bundles: keys in templates
 * ({@code #{key}}, {@code #{key(…)}}, the fixed start of a built key {@code #{|prefix.${…}|}} and keys handed
 * to fragments as {@code 'key'}) and keys in Java string literals ({@code getMessage("key", …)},
 * {@code reject("key")}, {@code @NotBlank(message = "{key}")}, {@code "prefix." + name}). A literal counts as
 * a key when its first part names a key family of the bundles ({@code directory}, {@code nav}, …); a literal
 * that is no key itself must start at least one key ({@code "prefix."}, or {@code "a.b"} for {@code a.b.subject}).
 * The crawl in {@link MessagesResolvedTest} finds what the code builds beyond this.
 */
class MessageKeysReferencedTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\|?([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*\\.?)(\\$)?");
    private static final Pattern COMMENT = Pattern.compile("<!--/\\*.*?\\*/-->", Pattern.DOTALL);
    private static final Pattern TH_ATTRIBUTE = Pattern.compile("\\bth:[a-z-]+=\"([^\"]*)\"");
    private static final Pattern QUOTED_IN_EXPRESSION = Pattern.compile("'([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+\\.?)'");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"\\{?([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+\\.?)}?\"(\\s*\\+)?");

    static Set<String> german = new TreeSet<>();
    static Set<String> english = new TreeSet<>();
    static Set<String> families = new TreeSet<>();

    @BeforeAll
    static void loadBundles() throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties")) {
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            (file.getFilename().contains("_en") ? english : german).addAll(properties.stringPropertyNames());
        }
        german.forEach(key -> families.add(key.replaceFirst("\\..*$", "")));
        assertThat(german).hasSizeGreaterThan(1000);
    }

    @Test
    void everyKeyInTheTemplatesExistsInBothLanguages() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = COMMENT.matcher(Files.readString(file)).replaceAll("");
                Matcher key = TEMPLATE_KEY.matcher(html);
                while (key.find()) {
                    check(key.group(1), key.group(2) != null, TEMPLATES.relativize(file).toString(), missing);
                }
                Matcher attribute = TH_ATTRIBUTE.matcher(html);
                while (attribute.find()) {
                    Matcher quoted = QUOTED_IN_EXPRESSION.matcher(attribute.group(1));
                    while (quoted.find()) {
                        if (families.contains(quoted.group(1).replaceFirst("\\..*$", ""))) {
                            check(quoted.group(1), false, TEMPLATES.relativize(file).toString(), missing);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys in templates missing from the German or the English bundle").isEmpty();
    }

    @Test
    void everyKeyInTheJavaCodeExistsInBothLanguages() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = JAVA_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    if (families.contains(literal.group(1).replaceFirst("\\..*$", ""))) {
                        check(literal.group(1), literal.group(2) != null, file.getFileName().toString(), missing);
                    }
                }
            }
        }
        assertThat(missing).as("keys in Java code missing from the German or the English bundle").isEmpty();
    }

    @Test
    void theCheckFindsWhatItShould() {
        Map<String, Set<String>> missing = new TreeMap<>();
        check("gibt.es.nicht", false, "a", missing);
        check("gibt.es.", false, "b", missing);
        check(german.iterator().next() + "x", false, "e", missing);
        check(german.iterator().next(), false, "c", missing);
        check(german.iterator().next().replaceFirst("\\.[^.]*$", "."), false, "d", missing);
        assertThat(missing).containsOnlyKeys("gibt.es.nicht (de)", "gibt.es.nicht (en)", "gibt.es. (de)", "gibt.es. (en)",
                german.iterator().next() + "x (de)", german.iterator().next() + "x (en)");
    }

    /** A key, or with {@code built} (more follows in the code) the start of one. */
    private static void check(String key, boolean built, String where, Map<String, Set<String>> missing) {
        for (Map.Entry<String, Set<String>> language : Map.of("de", german, "en", english).entrySet()) {
            Set<String> keys = language.getValue();
            boolean found = keys.contains(key) || keys.stream().anyMatch(k -> k.startsWith(key.endsWith(".") ? key : key + "."))
                    || built && keys.stream().anyMatch(k -> k.startsWith(key));
            if (!found) {
                missing.computeIfAbsent(key + " (" + language.getKey() + ")", k -> new TreeSet<>()).add(where);
            }
        }
    }
}
