package de.stadtportal.platform.web;

import java.util.Map;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Languages;
import de.stadtportal.platform.LogoProperties;
import de.stadtportal.platform.PortalProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: the current path (navigation, language switch) and the operator. */
@ControllerAdvice
class LayoutModelAdvice {

    private final PortalProperties properties;
    private final LogoProperties logo;
    private final String baseUrl;

    LayoutModelAdvice(PortalProperties properties, LogoProperties logo) {
        this.properties = properties;
        this.logo = logo;
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    }

    /**
     * Everything the layout reads, added by one method: Spring MVC builds a handler object per request for each
     * {@code @ModelAttribute} method of an advice, so six methods cost six times that on every page. An
     * attribute the model holds already (e.g. a flash attribute) is kept, as for a named method.
     */
    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        String german = currentPath(request);
        // the city's mark in the header
        addUnlessPresent(model, "cityLogo", logo);
        addUnlessPresent(model, "currentPath", german);
        // the two addresses of this page, for the language switch (written as they are: not through encodeURL)
        addUnlessPresent(model, "languageLinks",
                Map.of("de", request.getContextPath() + german, "en", request.getContextPath() + Languages.english(german)));
        // the portal's absolute address without a trailing slash: canonical and language links, Open Graph
        addUnlessPresent(model, "baseUrl", baseUrl);
        if (!model.containsAttribute("currentUser")) {
            CurrentUser user = CurrentUser.get();
            if (user != null) {
                // a page that knows its reader is never public, whatever cookies the request had
                request.setAttribute(HttpCacheFilter.PERSONAL, Boolean.TRUE);
            }
            model.addAttribute("currentUser", user);
        }
        addUnlessPresent(model, "operator", properties.operator());
    }

    private static void addUnlessPresent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    static String currentPath(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = original instanceof String uri ? uri : request.getRequestURI();
        // "//host" would turn the language link into a link to another site
        String current = "/" + path.substring(request.getContextPath().length()).replaceFirst("^/+", "");
        String german = Languages.withoutEnglishPrefix(current);
        return german == null ? current : german;
    }
}
