package de.stadtportal.platform.web;

import de.stadtportal.platform.CurrentUser;
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
    @ModelAttribute("logo")
    LogoProperties logo() {
        return logo;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = original instanceof String uri ? uri : request.getRequestURI();
        // "//host" would turn the language link into a link to another site
        return "/" + path.substring(request.getContextPath().length()).replaceFirst("^/+", "");
    }

    /** The portal's absolute address without a trailing slash: canonical and language links, Open Graph. */
    @ModelAttribute("baseUrl")
    String baseUrl() {
        return properties.baseUrl().replaceAll("/+$", "");
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.get();
    }

    @ModelAttribute("operator")
    PortalProperties.Operator operator() {
        return properties.operator();
    }
}
