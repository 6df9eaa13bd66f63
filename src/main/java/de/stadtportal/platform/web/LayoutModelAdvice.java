package de.stadtportal.platform.web;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Languages;
import de.stadtportal.platform.LogoProperties;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.database.PublicDataVersion;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.HtmlUtils;

/** What the shared layout needs on every page: the current path (navigation, language switch) and the operator. */
@ControllerAdvice
class LayoutModelAdvice {

    /** Stand-ins for the language switch's address in a kept header: the only part of it that names the page. */
    private static final Map<String, String> LANGUAGE_LINK_STAND_INS = Map.of("de", "#portal-language-de", "en", "#portal-language-en");

    /** The layout's header and footer as written for an anonymous visitor (fragments/site.html). */
    record LayoutParts(String header, String footer) {
    }

    private record PartsKey(String navigation, long dataVersion) {
    }

    private final PortalProperties properties;
    private final LogoProperties logo;
    private final RenderedFragments fragments;
    private final PublicDataVersion dataVersion;
    private final String baseUrl;

    LayoutModelAdvice(PortalProperties properties, LogoProperties logo, RenderedFragments fragments, PublicDataVersion dataVersion) {
        this.properties = properties;
        this.logo = logo;
        this.fragments = fragments;
        this.dataVersion = dataVersion;
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
        Map<String, String> languageLinks =
                Map.of("de", request.getContextPath() + german, "en", request.getContextPath() + Languages.english(german));
        addUnlessPresent(model, "languageLinks", languageLinks);
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
        if (model.getAttribute("currentUser") == null && model.getAttribute("languageLinks") == languageLinks) {
            addUnlessPresent(model, "layoutParts", anonymousParts(german, languageLinks));
        }
    }

    /**
     * Header and footer for a visitor who is not logged in, kept per language, section and data version (staff may
     * edit texts): they are the same on every page of a section but for the language switch's address. Null
     * without a data version (the database is away), so the layout renders them itself.
     */
    private LayoutParts anonymousParts(String currentPath, Map<String, String> languageLinks) {
        OptionalLong version = dataVersion.current();
        if (version.isEmpty()) {
            return null;
        }
        String navigation = navigationKey(currentPath);
        Map<String, Object> variables = new HashMap<>();
        variables.put("cityLogo", logo);
        variables.put("currentPath", navigation);
        variables.put("languageLinks", LANGUAGE_LINK_STAND_INS);
        variables.put("currentUser", null);
        variables.put("operator", properties.operator());
        PartsKey key = new PartsKey(navigation, version.getAsLong());
        String header = fragments.render("fragments/site", "header", key, variables);
        for (Map.Entry<String, String> standIn : LANGUAGE_LINK_STAND_INS.entrySet()) {
            header = header.replace(standIn.getValue(), HtmlUtils.htmlEscape(languageLinks.get(standIn.getKey()), "UTF-8"));
        }
        return new LayoutParts(header, fragments.render("fragments/site", "footer", key, variables));
    }

    /**
     * What of the path header and footer read: they mark a page by its whole path when it has one segment
     * ({@code /impressum}) and a section by its first segment ({@code /unternehmen/...}). A path of more segments
     * is cut after its first one, slash included, so a comparison with a one-segment path stays false and a
     * "starts with" gives what it gives for the whole path.
     */
    static String navigationKey(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second + 1);
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
