package de.stadtportal.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature may use. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** The city's time zone: opening hours, events and "today" are all meant in Bottrop's local time. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Europe/Berlin");

    @Bean
    Clock clock() {
        return Clock.system(CITY_ZONE);
    }
}
