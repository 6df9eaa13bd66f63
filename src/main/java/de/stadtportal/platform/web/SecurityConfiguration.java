package de.stadtportal.platform.web;

import de.stadtportal.platform.MapProperties;
import de.stadtportal.platform.PortalProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what. Public pages are open; /konto needs a login except for the pages that lead
 * to one; the staff area needs EDITOR or ADMIN, staff accounts ADMIN, and routes that do not
 * exist yet are closed too. Headers follow OWASP ASVS level 2: no inline script, no framing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** @param tileOrigin the map tile server (portal.map.tile-url), the one foreign source of images */
    static String contentSecurityPolicy(String tileOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: " + tileOrigin,
                "font-src 'self'",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /** Account pages for people who are not logged in. */
    static final String[] PUBLIC_ACCOUNT_PAGES = {
            "/konto/anmelden", "/konto/registrieren", "/konto/registriert", "/konto/bestaetigen",
            "/konto/passwort-vergessen", "/konto/passwort-neu", "/konto/email-bestaetigen", "/konto/einladung"};

    /**
     * Behind HTTPS (a base URL starting with https://) every cookie is Secure and HSTS is sent on
     * every answer, even when the proxy does not pass X-Forwarded-Proto; PORTAL_COOKIE_SECURE=true
     * forces Secure cookies otherwise.
     */
    static boolean https(PortalProperties properties) {
        return properties.baseUrl() != null && properties.baseUrl().startsWith("https://");
    }

    /** The session cookie (Spring Session): HttpOnly, SameSite=Lax, Secure behind HTTPS. */
    @Bean
    CookieSerializer cookieSerializer(PortalProperties properties, @Value("${PORTAL_COOKIE_SECURE:false}") boolean forceSecure) {
        DefaultCookieSerializer cookies = new DefaultCookieSerializer();
        cookies.setUseHttpOnlyCookie(true);
        cookies.setSameSite("Lax");
        cookies.setUseSecureCookie(forceSecure || https(properties));
        return cookies;
    }

    /**
     * Static assets need no session, login state, CSRF token or saved request: a chain of their own
     * that only writes the security headers, so a request for a stylesheet never reads a session
     * from the database. Their Cache-Control is the resource handler's (one year, versioned names).
     */
    @Bean
    @Order(0)
    SecurityFilterChain assetsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/assets/**", "/webjars/**", "/favicon.ico", "/icon-*", "/manifest.webmanifest")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain securityFilterChain(HttpSecurity http, MapProperties map, PortalProperties properties) throws Exception {
        boolean https = https(properties);
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/konten", "/admin/konten/**").hasRole("ADMIN")
                        // employers' inquiries are personal data: the support point (Lotsenstelle) and ADMIN, not every EDITOR
                        .requestMatchers("/admin/fachkraefte/anfragen", "/admin/fachkraefte/anfragen/**")
                        .hasAnyRole("SUPPORT_POINT", "ADMIN")
                        .requestMatchers("/admin", "/admin/**").hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers(PUBLIC_ACCOUNT_PAGES).permitAll()
                        .requestMatchers("/konto", "/konto/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(login -> login
                        .loginPage("/konto/anmelden")
                        .defaultSuccessUrl("/konto")
                        .failureUrl("/konto/anmelden?fehler")
                        .permitAll())
                // a new session at login (not only a new id), so its creation time is the login's:
                // SessionLifetimeFilter ends it after the absolute lifetime
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
                .logout(logout -> logout
                        .logoutUrl("/konto/abmelden")
                        .logoutSuccessUrl("/konto/anmelden?abgemeldet"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(map.tileOrigin())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> {
                            hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true);
                            if (https) {
                                // browsers ignore HSTS over plain HTTP; behind a TLS proxy every answer carries it
                                hsts.requestMatcher(AnyRequestMatcher.INSTANCE);
                            }
                        }));
        return http.build();
    }

    /** Delegating encoder: bcrypt today, and old hashes keep working when the default moves on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
