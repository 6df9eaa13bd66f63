package de.stadtportal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import de.stadtportal.platform.PortalProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The embedded database starts only when no external one is configured, and its connections are pooled. */
class EmbeddedDatabaseConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PortalProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, EmbeddedDatabaseConfiguration.class)
            .withPropertyValues("portal.embedded-database.data-directory=");

    @Test
    void withoutDatasourceUrlAPooledEmbeddedPostgresIsUsed() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DataSource.class);
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(dataSource).isInstanceOf(HikariDataSource.class);
            try (var connection = dataSource.getConnection()) {
                assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
                assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(18);
                assertThat(connection.getCatalog()).isEqualTo("stadtportal");
            }
        });
    }

    @Test
    void withDatasourceUrlNoEmbeddedDatabaseStarts() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/stadtportal")
                .run(context -> assertThat(context).doesNotHaveBean(DataSource.class));
    }
}
