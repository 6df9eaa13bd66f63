package de.stadtportal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import de.stadtportal.PortalTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrations live in one folder per module. Moving a released migration into its module's folder
 * must not disturb a database that was created while all of them lay in one folder: same
 * versions, same checksums, nothing pending, validation passes.
 */
@PortalTest
class MigrationLayoutTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aDatabaseMigratedFromTheFlatFolderValidatesAgainstTheModuleFolders(@TempDir Path flat) throws IOException {
        Set<String> names = new HashSet<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql")) {
            assertThat(names.add(script.getFilename())).as("one file per version: %s", script.getFilename()).isTrue();
            try (var in = script.getInputStream()) {
                Files.copy(in, flat.resolve(script.getFilename()));
            }
        }
        // a database of its own, so its extensions and search path are those of a fresh installation
        String database = "migration_layout_check";
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DROP DATABASE IF EXISTS " + database).update();
        jdbc.sql("CREATE DATABASE " + database).update();
        HikariDataSource portal = (HikariDataSource) dataSource;
        String url = portal.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try {
            Flyway.configure().dataSource(url, portal.getUsername(), portal.getPassword())
                    .locations("filesystem:" + flat).load().migrate();

            Flyway modular = Flyway.configure().dataSource(url, portal.getUsername(), portal.getPassword())
                    .locations("classpath:db/migration").load();
            assertThat(modular.info().pending()).isEmpty();
            assertThat(modular.validateWithResult().validationSuccessful).isTrue();
            assertThat(modular.migrate().migrationsExecuted).isZero();
        } finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
        }
    }

    @Test
    void everyModuleKeepsItsMigrationsInItsOwnFolder() throws IOException {
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
            throw new AssertionError("migration outside a module folder: " + script.getFilename());
        }
    }
}
