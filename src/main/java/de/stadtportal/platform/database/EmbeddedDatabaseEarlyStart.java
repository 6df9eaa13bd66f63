package de.stadtportal.platform.database;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL (initdb on a new data directory, then the server) on a thread of its own
 * as soon as the environment is complete and before the context is built: the server then starts while
 * Spring reads the configuration classes and creates the first beans, instead of after them, and the
 * pool of {@link EmbeddedDatabaseConfiguration} only waits for what is left. Nothing starts when an
 * external database is configured ({@link NoDatasourceUrlCondition}). Registered in
 * META-INF/spring.factories, so it runs for the portal, {@code spring-boot:run} and the tests' contexts.
 */
class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationPreparedEvent> {

    static final String DATA_DIRECTORY = "portal.embedded-database.data-directory";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        if (NoDatasourceUrlCondition.matches(environment)) {
            EmbeddedDatabaseServer.startInBackground(Binder.get(environment).bind(DATA_DIRECTORY, String.class).orElse(null));
        }
    }
}
