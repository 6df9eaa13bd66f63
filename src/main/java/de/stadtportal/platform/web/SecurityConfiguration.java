package de.stadtportal.platform.web;

import de.stadtportal.platform.MapProperties;
import java.util.Set;

import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.StaffFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
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
 * exist yet are closed too. Staff routes need a second factor besides the password ({@link #staffRoutes()}). Headers follow OWASP ASVS level 2: no inline script, no framing.
 */
@Configuration(proxyBeanMethods = false)
// merges the factors of one login (password, then code) instead of replacing the first; which routes
// need which factors is decided per route below, so no factor is required globally
@EnableMultiFactorAuthentication(authorities = {})
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

    /**
     * No traces or timings per security filter: every request would pay for an observation around each
     * of the chain's filters. The request as a whole is still measured (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
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
        AuthorizationManagerFactory<RequestAuthorizationContext> staff = staffRoutes();
        AuthorizationManagerFactory<RequestAuthorizationContext> passwordAndCode = AuthorizationManagerFactories
                .<RequestAuthorizationContext>multiFactor()
                .requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY)
                .build();
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/konten", "/admin/konten/**").access(staff.hasRole("ADMIN"))
                        // employers' inquiries are personal data: the support point (Lotsenstelle) and ADMIN, not every EDITOR
                        .requestMatchers("/admin/fachkraefte/anfragen", "/admin/fachkraefte/anfragen/**")
                        .access(staff.hasAnyRole("SUPPORT_POINT", "ADMIN"))
                        .requestMatchers("/admin", "/admin/**").access(staff.hasAnyRole("EDITOR", "ADMIN"))
                        .requestMatchers(PUBLIC_ACCOUNT_PAGES).permitAll()
                        // enrolment follows the mailed code; without it, Spring Security asks for the code first
                        .requestMatchers(StaffFactors.ENROLMENT_PAGE).access(passwordAndCode.authenticated())
                        .requestMatchers("/konto", "/konto/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(login -> login
                        .loginPage("/konto/anmelden")
                        .successHandler(passwordSuccess())
                        .failureUrl("/konto/anmelden?fehler")
                        .permitAll())
                // the second factor of staff: a one-time code mailed to the account (account.web.SecondFactor)
                .oneTimeTokenLogin(code -> code
                        .tokenGeneratingUrl("/konto/zweiter-faktor/senden")
                        .loginProcessingUrl("/konto/zweiter-faktor/pruefen")
                        .loginPage(StaffFactors.SECOND_FACTOR_PAGE)
                        .showDefaultSubmitPage(false)
                        .failureUrl("/konto/zweiter-faktor/code?fehler")
                        .defaultSuccessUrl("/admin"))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                        && !(UploadLimitFilter.isRefused(request) && !SECURITY_ENDPOINTS.matches(request))))
                .exceptionHandling(exceptions -> exceptions
                        // who is not logged in logs in with the password first
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/konto/anmelden"))
                        // staff with both factors but no recovery codes yet enrol first
                        .defaultDeniedHandlerForMissingAuthority(
                                new LoginUrlAuthenticationEntryPoint(StaffFactors.ENROLMENT_PAGE), StaffFactors.ENROLLED_AUTHORITY))
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

    /**
     * Staff routes (ASVS L2: MFA for staff). Whoever holds a staff role needs, besides the route's
     * role, the password and a second factor (the mailed code, or one recovery code) and an enrolled
     * second factor; Spring Security sends a login that lacks the code to the code page and one
     * that lacks the enrolment to the enrolment page. Anyone else (a business) gets the 403 of the
     * role check, without being asked for a code.
     */
    static AuthorizationManagerFactory<RequestAuthorizationContext> staffRoutes() {
        AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passwordAndMailedCode = AllRequiredFactorsAuthorizationManager
                .<RequestAuthorizationContext>builder()
                .requireFactor(factor -> factor.passwordAuthority())
                .requireFactor(factor -> factor.ottAuthority())
                .build();
        AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passwordAndRecoveryCode = AllRequiredFactorsAuthorizationManager
                .<RequestAuthorizationContext>builder()
                .requireFactor(factor -> factor.passwordAuthority())
                .requireFactor(factor -> factor.authority(StaffFactors.RECOVERY_CODE_AUTHORITY))
                .build();
        AuthorizationManager<RequestAuthorizationContext> secondFactor = AuthorizationManagers.allOf(
                AllRequiredFactorsAuthorizationManager.anyOf(passwordAndMailedCode, passwordAndRecoveryCode),
                AuthorityAuthorizationManager.hasAuthority(StaffFactors.ENROLLED_AUTHORITY));
        DefaultAuthorizationManagerFactory<RequestAuthorizationContext> staff = new DefaultAuthorizationManagerFactory<>();
        staff.setAdditionalAuthorization((authentication, context) -> holdsStaffRole(authentication.get())
                ? secondFactor.authorize(authentication, context) : null);
        return staff;
    }

    static boolean holdsStaffRole(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> STAFF_ROLES.contains(a.getAuthority()));
    }

    /**
     * Where Spring Security's own filters act on a POST (login, logout, the code): they always need
     * the CSRF token, even on an upload refused for its size (see {@link UploadLimitFilter}).
     */
    private static final RequestMatcher SECURITY_ENDPOINTS = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/konto/anmelden"), PathPatternRequestMatcher.pathPattern("/konto/abmelden"),
            PathPatternRequestMatcher.pathPattern("/konto/zweiter-faktor/**"));

    private static final Set<String> STAFF_ROLES = Set.of("ROLE_EDITOR", "ROLE_ADMIN", "ROLE_SUPPORT_POINT");

    /** After the password: back to the page that asked for the login; staff to their area (which asks for the code), others to /konto. */
    static SavedRequestAwareAuthenticationSuccessHandler passwordSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) {
                return holdsStaffRole(authentication) ? "/admin" : "/konto";
            }
        };
        return handler;
    }

    /** Delegating encoder: bcrypt today, and old hashes keep working when the default moves on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
