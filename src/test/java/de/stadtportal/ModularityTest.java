package de.stadtportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
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
}
