package de.stadtportal.platform.web;

import java.time.Duration;
import java.util.Locale;

import de.stadtportal.platform.PortalProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * German first; English when the user asks for it with {@code ?lang=en}. The choice is kept in a
 * cookie that is set only then: a strictly necessary cookie (§ 25 TDDDG), never a tracking one.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale GERMAN = Locale.GERMAN;

    @Bean
    LocaleResolver localeResolver(PortalProperties properties, @Value("${PORTAL_COOKIE_SECURE:false}") boolean forceSecure) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("sprache");
        resolver.setDefaultLocale(GERMAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(forceSecure || SecurityConfiguration.https(properties));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
