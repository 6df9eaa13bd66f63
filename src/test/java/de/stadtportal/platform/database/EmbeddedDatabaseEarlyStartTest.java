package de.stadtportal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The embedded database begins to start before the context is built, and only when no external one is configured. */
class EmbeddedDatabaseEarlyStartTest {

    @TempDir
    Path temporary;

    @Test
    void withoutDatasourceUrlTheServerStartsBeforeTheContextAndThePoolGetsThatServer() throws Exception {
        Path data = temporary.resolve("early");
        prepared(Map.of(EmbeddedDatabaseEarlyStart.DATA_DIRECTORY, data.toString()));

        assertThat(EmbeddedDatabaseServer.isStartedOrStarting(data.toString())).isTrue();
        // the pool asks for the same directory (here written differently) and gets the server begun above
        EmbeddedDatabaseServer server = EmbeddedDatabaseServer.forDirectory(data.resolve("../early").toString());
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            assertThat(connection.getCatalog()).isEqualTo(EmbeddedDatabaseServer.DATABASE);
        }
    }

    @Test
    void withDatasourceUrlNothingStarts() {
        Path data = temporary.resolve("external");
        prepared(Map.of(EmbeddedDatabaseEarlyStart.DATA_DIRECTORY, data.toString(),
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/stadtportal"));

        assertThat(EmbeddedDatabaseServer.isStartedOrStarting(data.toString())).isFalse();
        assertThat(data).doesNotExist();
    }

    private static void prepared(Map<String, Object> properties) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
            new EmbeddedDatabaseEarlyStart().onApplicationEvent(
                    new ApplicationPreparedEvent(new SpringApplication(), new String[0], context));
        }
    }
}
