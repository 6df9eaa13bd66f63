package de.stadtportal.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Configuration;

/** Beans every feature may use; caching is in-memory per instance (Spring's simple cache). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class PlatformConfiguration {

    /** The city's time zone as text, for annotations such as {@code @Scheduled(zone = ...)}. */
    public static final String CITY_ZONE_ID = "Europe/Berlin";

    /**
     * The city's time zone: opening hours, events and "today" are all meant in Bottrop's local time. The
     * one place it is named; the injected {@link Clock} runs in it, {@link #cityTime} converts to it.
     */
    public static final ZoneId CITY_ZONE = ZoneId.of(CITY_ZONE_ID);

    /** A timestamp column read in Bottrop's local time; null stays null. */
    public static ZonedDateTime cityTime(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.atZoneSameInstant(CITY_ZONE);
    }

    /** Caches are created on first use; every cached value must be immutable. */
    @Bean
    CacheManager cacheManager() {
        return new ConcurrentMapCacheManager();
    }

    /**
     * Wraps the MessageSource of Spring Boot's MessageSourceAutoConfiguration (kept, so {@code spring.messages.*}
     * still configures the bundles) in {@link OverridableMessageSource}: staff's texts first.
     */
    @Bean
    static BeanPostProcessor overridableMessages(ObjectProvider<MessageOverrides> overrides) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(name) && bean instanceof MessageSource source
                        && !(bean instanceof OverridableMessageSource)) {
                    return new OverridableMessageSource(source, overrides);
                }
                return bean;
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.system(CITY_ZONE);
    }
}
