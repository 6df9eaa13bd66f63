package de.stadtportal.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Configuration;

/** Beans every feature may use; caching is in-memory per instance (Spring's simple cache). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class PlatformConfiguration {

    /** The city's time zone: opening hours, events and "today" are all meant in Bottrop's local time. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Europe/Berlin");

    /** Caches are created on first use; every cached value must be immutable. */
    @Bean
    CacheManager cacheManager() {
        return new ConcurrentMapCacheManager();
    }

    @Bean
    Clock clock() {
        return Clock.system(CITY_ZONE);
    }
}
