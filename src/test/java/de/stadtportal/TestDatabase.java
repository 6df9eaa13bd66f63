package de.stadtportal;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Chooses the tests' PostgreSQL. By default the embedded one (no Docker needed; one server per
 * test JVM, shared by all contexts). With {@code -Dportal.test.database=testcontainers} a
 * PostgreSQL 18 container, again one per JVM.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "portal.test.database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if ("testcontainers".equals(System.getProperty(PROPERTY, System.getenv("PORTAL_TEST_DATABASE")))) {
            PostgreSQLContainer container = Container.INSTANCE;
            TestPropertyValues.of(
                    "spring.datasource.url=" + container.getJdbcUrl(),
                    "spring.datasource.username=" + container.getUsername(),
                    "spring.datasource.password=" + container.getPassword()).applyTo(context);
        }
    }

    /** Started on first use only, so the default run never touches Docker. */
    private static final class Container {
        static final PostgreSQLContainer INSTANCE = start();

        private static PostgreSQLContainer start() {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            return container;
        }
    }
}
