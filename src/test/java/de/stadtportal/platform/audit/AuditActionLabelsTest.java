package de.stadtportal.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Staff read the audit log in German and English: every action code a feature passes to
 * {@link AuditLog#record} as a literal (also both sides of a conditional) has a label in both
 * languages of the audit bundle.
 */
class AuditActionLabelsTest {

    /** The third argument of a record(...) call: a literal, or a conditional of two literals. */
    private static final Pattern ACTION = Pattern.compile(
            "\\.record\\(\\s*[^,;]+,\\s*[^,;]+,\\s*(?:[^,;?]+\\?\\s*\"([A-Z_]+)\"\\s*:\\s*)?\"([A-Z_]+)\"");
    /** Codes chosen in a switch before the call (moderation decisions). */
    private static final Pattern SWITCH_ACTION = Pattern.compile("->\\s*\"([A-Z_]+)\";");

    @Test
    void everyRecordedActionHasAGermanAndAnEnglishLabel() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(ACTION.matcher(source), actions);
                if (source.contains("String action")) {
                    collect(SWITCH_ACTION.matcher(source), actions);
                }
            }
        }
        assertThat(actions).as("action codes found in the sources").contains("REGISTERED", "APPROVED", "UPDATED");
        for (String bundle : new String[] {"messages/audit.properties", "messages/audit_en.properties"}) {
            Properties labels = new Properties();
            try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                labels.load(in);
            }
            assertThat(actions).as("actions without a label in %s", bundle)
                    .allSatisfy(action -> assertThat(labels).containsKey("audit.action." + action));
        }
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    into.add(matcher.group(group));
                }
            }
        }
    }
}
