package de.stadtportal.platform.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Parts of a page that are the same for many requests (the layout's header for anonymous visitors, a business
 * in a list of results), rendered by Thymeleaf from their template once and then written as they are. Each
 * template expression costs a few microseconds, and a search page has hundreds of them, most of which give the
 * same text on every request (JFR: Thymeleaf was two thirds of a search's CPU time).
 * <p>A part is kept under its template, fragment, the request's language and the caller's key, which must name
 * everything else the fragment reads: its variables, and the public data version where it shows staff's texts.
 * It is rendered with the current request and response, so its links are written as the page's are (the
 * {@code /en} prefix, versioned assets). Bounded by size; a part not kept is simply rendered again.
 */
@Component
public class RenderedFragments {

    /** About 2,000 headers and 10,000 results. */
    private static final long MAX_CHARACTERS = 8L * 1024 * 1024;

    private record Key(String template, String fragment, Locale locale, Object key) {
    }

    private final ITemplateEngine templates;
    private final ApplicationContext applicationContext;
    private final Cache<Key, String> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, String html) -> html.length())
            .build();

    RenderedFragments(ITemplateEngine templates, ApplicationContext applicationContext) {
        this.templates = templates;
        this.applicationContext = applicationContext;
    }

    /**
     * The fragment {@code fragment} of {@code template} in the request's language, as kept under {@code key}, or
     * rendered now with {@code variables}; a null key renders it without keeping it.
     */
    public String render(String template, String fragment, Object key, Map<String, Object> variables) {
        Locale locale = LocaleContextHolder.getLocale();
        if (key == null) {
            return renderNow(template, fragment, locale, variables);
        }
        return kept.get(new Key(template, fragment, locale, key), k -> renderNow(template, fragment, locale, variables));
    }

    private String renderNow(String template, String fragment, Locale locale, Map<String, Object> variables) {
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = new OwnAttributes(current.getRequest());
        HttpServletResponse response = current.getResponse();
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response);
        Map<String, Object> all = new HashMap<>(variables);
        // as a page's view has it: Spring beans and the portal's record accessor (RecordComponents) in expressions
        all.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        return templates.process(template, Set.of(fragment), new WebContext(exchange, locale, all));
    }

    /**
     * The request as the fragment sees it: Thymeleaf keeps a web context's variables as request attributes, and
     * the fragment's must not stay on the page's request (or the page's ones reach the fragment once written).
     */
    private static final class OwnAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> own = new HashMap<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return own.containsKey(name) ? own.get(name) : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            own.forEach((name, value) -> {
                if (value == null) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            own.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            own.put(name, null);
        }
    }
}
