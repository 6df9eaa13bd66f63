package de.stadtportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module owns its tables; no other module's SQL names them (Spring Modulith checks packages, this
 * checks SQL). The owner of a table is the module whose migration folder creates it. Every string in
 * a module's Java sources is read as SQL: a table after FROM, JOIN, INTO, UPDATE, TABLE or REFERENCES
 * that belongs to another module fails the test.
 */
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/de/stadtportal");

    /**
     * Tables created by a released migration in another module's folder, which must not be edited:
     * V30 (events/) created the Sprechtag's tables together with the events'.
     */
    private static final Map<String, String> CREATED_ELSEWHERE = Map.of(
            "consultation_day", "sprechtag",
            "consultation_expert", "sprechtag",
            "consultation_slot", "sprechtag",
            "consultation_booking", "sprechtag");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Pattern TABLE_USE = Pattern.compile(
            "(?i:\\b(?:from|join|into|update|table|references)\\s+(?:only\\s+)?)([a-z_][a-z0-9_]*)");

    @Test
    void noModuleNamesAnotherModulesTables() throws IOException {
        Map<String, String> owners = owners();
        assertThat(owners).as("tables found in the migrations").containsKeys("event", "account", "consultation_slot",
                "craft_portrait");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                String name = module.getFileName().toString();
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        for (String table : tablesNamedIn(Files.readString(file))) {
                            String owner = owners.get(table);
                            if (owner != null && !owner.equals(name)) {
                                violations.add(SOURCES.relativize(file) + " names " + table + " (owned by " + owner + ")");
                            }
                        }
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's tables").isEmpty();
    }

    @Test
    void theCheckFindsTablesInStringsAndTextBlocksButNotInComments() {
        String source = """
                /** Reads from account ids. */
                class X {
                    String a = "SELECT * FROM account a JOIN listing l ON l.id = a.id";
                    String b = \"\"\"
                            UPDATE event SET title = 'x' -- "quoted"
                            \"\"\";
                    String c = "https://example.org/" + "INSERT INTO craft_portrait"; // FROM reallabor
                    char d = '"';
                    String e = "DELETE FROM page_view";
                }
                """;
        assertThat(tablesNamedIn(source)).containsExactlyInAnyOrder("account", "listing", "event", "craft_portrait", "page_view");
    }

    /** Table → module, from CREATE TABLE in each module's migration folder. */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> folders = Files.list(MIGRATIONS)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                try (Stream<Path> scripts = Files.list(folder)) {
                    for (Path script : scripts.filter(f -> f.toString().endsWith(".sql")).toList()) {
                        Matcher created = CREATE_TABLE.matcher(Files.readString(script));
                        while (created.find()) {
                            String table = created.group(1).toLowerCase();
                            String previous = owners.put(table, CREATED_ELSEWHERE.getOrDefault(table, folder.getFileName().toString()));
                            assertThat(previous).as("%s created twice", table).isNull();
                        }
                    }
                }
            }
        }
        return owners;
    }

    /** The tables the string literals of a Java source use as tables. */
    static List<String> tablesNamedIn(String source) {
        List<String> tables = new ArrayList<>();
        for (String literal : literals(source)) {
            Matcher use = TABLE_USE.matcher(literal);
            while (use.find()) {
                tables.add(use.group(1));
            }
        }
        return tables;
    }

    /** The contents of the string literals and text blocks; comments (which may mention a table in prose) are skipped. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = endOf(source, "\"\"\"", i + 3);
                literals.add(source.substring(i + 3, Math.max(i + 3, end - 3)));
                i = end;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != quote) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    literals.add(source.substring(i + 1, Math.min(j, source.length())));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOf(String source, String marker, int from) {
        int end = source.indexOf(marker, from);
        return end < 0 ? source.length() : end + marker.length();
    }
}
