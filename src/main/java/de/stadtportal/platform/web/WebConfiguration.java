package de.stadtportal.platform.web;

import java.util.Locale;

import de.stadtportal.platform.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * German first; English under /en (see {@link LanguageFilter}). The language follows from the
 * address alone: no cookie, so proxies can cache every page per address. The cookie "sprache" of
 * earlier versions is no longer set or read.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale GERMAN = Languages.GERMAN;

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return Languages.of(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the language follows from the address (/en/...)");
            }
        };
    }
}
