package de.stadtportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * Spring Modulith draws the modules and who uses whom (PlantUML, C4 style) into
 * target/spring-modulith-docs; the copy in docs/modules.puml, which the README links, is rewritten
 * when the modules changed, so it stays in sync with the code.
 */
class ModuleDiagramTest {

    private static final Path OUTPUT = Path.of("target/spring-modulith-docs");
    private static final Path CHECKED_IN = Path.of("docs/modules.puml");

    @Test
    void writesTheModuleDiagramAndKeepsTheCheckedInCopyCurrent() throws IOException {
        new Documenter(ApplicationModules.of(StadtportalApplication.class), Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.C4));
        String diagram = Files.readString(OUTPUT.resolve("components.puml"));
        assertThat(diagram).contains("Events", "Sprechtag", "Handwerk", "Directory", "Account", "Platform");
        // /handwerk shows dates and the next free slot through the other modules' APIs
        assertThat(diagram).containsPattern("Rel\\(\\S*\\.Handwerk, \\S*\\.Events, \"uses\"")
                .containsPattern("Rel\\(\\S*\\.Handwerk, \\S*\\.Sprechtag, \"uses\"");
        Files.createDirectories(CHECKED_IN.getParent());
        // Spring Modulith lists modules and relations in no fixed order: rewrite only when they changed
        if (!Files.exists(CHECKED_IN) || !sortedLines(Files.readString(CHECKED_IN)).equals(sortedLines(diagram))) {
            Files.writeString(CHECKED_IN, diagram);
        }
    }

    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }
}
