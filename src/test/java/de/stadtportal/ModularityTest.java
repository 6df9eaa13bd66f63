package de.stadtportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other only through their public API (the feature's top-level package). */
class ModularityTest {

    @Test
    void featuresRespectEachOthersBoundaries() {
        ApplicationModules.of(StadtportalApplication.class).verify();
    }

    /** The directory's API package is implemented inside, never the other way round: no package cycle. */
    @Test
    void directoryApiDependsOnNothingInsideTheDirectory() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.stadtportal.directory");
        noClasses().that().resideInAPackage("de.stadtportal.directory")
                .should().dependOnClassesThat().resideInAnyPackage("de.stadtportal.directory.domain..",
                        "de.stadtportal.directory.web..")
                .check(classes);
    }

    /** Likewise the account module: its API package is implemented in domain/, which may use the API's types. */
    @Test
    void accountApiDependsOnNothingInsideTheAccount() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.stadtportal.account");
        noClasses().that().resideInAPackage("de.stadtportal.account")
                .should().dependOnClassesThat().resideInAnyPackage("de.stadtportal.account.domain..",
                        "de.stadtportal.account.web..")
                .check(classes);
    }

    /**
     * The same for news, the Reallabore and the search: each API is an interface implemented in domain/, so the
     * module's packages form no cycle (the API's types are used inside, never the inside by the API).
     */
    @ParameterizedTest
    @ValueSource(strings = {"news", "reallabor", "search"})
    void apiDependsOnNothingInsideItsModule(String module) {
        String root = "de.stadtportal." + module;
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        noClasses().that().resideInAPackage(root)
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".web..")
                .check(classes);
    }
}
