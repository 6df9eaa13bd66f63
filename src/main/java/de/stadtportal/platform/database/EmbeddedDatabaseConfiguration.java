package de.stadtportal.platform.database;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import de.stadtportal.platform.PortalProperties;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} the portal runs on an embedded PostgreSQL, so that
 * {@code ./mvnw spring-boot:run} needs nothing but a JDK. The connections are pooled: opening a
 * PostgreSQL connection per query would make every page many times slower.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    /** spring.datasource.hikari.* (e.g. the connection timeout) apply to this pool too. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(PortalProperties properties) {
        EmbeddedDatabaseServer server = EmbeddedDatabaseServer.forDirectory(
                properties.embeddedDatabase() == null ? null : properties.embeddedDatabase().dataDirectory());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("embedded-postgres");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedDatabaseServer.USER);
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /** The embedded default is a demo: it also gets the fictional example data of db/demo. */
    @Bean
    FlywayConfigurationCustomizer demoData() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
            locations.add(new Location("classpath:db/demo"));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
