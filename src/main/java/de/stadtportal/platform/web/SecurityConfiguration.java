package de.stadtportal.platform.web;

import de.stadtportal.platform.MapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, MapProperties map) throws Exception {
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
                .logout(logout -> logout
                        .logoutUrl("/konto/abmelden")
                        .logoutSuccessUrl("/konto/anmelden?abgemeldet"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(map.tileOrigin())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        return http.build();
    }

    /** Delegating encoder: bcrypt today, and old hashes keep working when the default moves on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
