package de.stadtportal.platform.web;

import java.util.Map;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Languages;
import de.stadtportal.platform.LogoProperties;
import de.stadtportal.platform.PortalProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: the current path (navigation, language switch) and the operator. */
@ControllerAdvice
class LayoutModelAdvice {

    private final PortalProperties properties;
    private final LogoProperties logo;

    LayoutModelAdvice(PortalProperties properties, LogoProperties logo) {
        this.properties = properties;
        this.logo = logo;
    }

    /** The city's mark in the header. */
    @ModelAttribute("cityLogo")
    LogoProperties logo() {
        return logo;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = original instanceof String uri ? uri : request.getRequestURI();
        // "//host" would turn the language link into a link to another site
        String current = "/" + path.substring(request.getContextPath().length()).replaceFirst("^/+", "");
        String german = Languages.withoutEnglishPrefix(current);
        return german == null ? current : german;
    }

    /** The two addresses of this page, for the language switch (written as they are: not through encodeURL). */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        String german = currentPath(request);
        return Map.of("de", request.getContextPath() + german, "en", request.getContextPath() + Languages.english(german));
    }

    /** The portal's absolute address without a trailing slash: canonical and language links, Open Graph. */
    @ModelAttribute("baseUrl")
    String baseUrl() {
        return properties.baseUrl().replaceAll("/+$", "");
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser(HttpServletRequest request) {
        CurrentUser user = CurrentUser.get();
        if (user != null) {
            // a page that knows its reader is never public, whatever cookies the request had
            request.setAttribute(HttpCacheFilter.PERSONAL, Boolean.TRUE);
        }
        return user;
    }

    @ModelAttribute("operator")
    PortalProperties.Operator operator() {
        return properties.operator();
    }
}
