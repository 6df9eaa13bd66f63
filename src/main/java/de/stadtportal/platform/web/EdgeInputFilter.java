package de.stadtportal.platform.web;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Input is checked once, at the edge, so no feature can forget it. A request is refused with 400
 * and the error page in the layout, before anything reaches a controller or the database, when
 * <ul>
 * <li>a parameter name or value contains a control character (NUL, ESC, DEL, C1 controls …;
 * PostgreSQL refuses NUL in text, which used to end in a 500). Tab, CR and LF pass, since text
 * areas need them; single-line fields refuse line breaks in their own validation
 * ({@link #SINGLE_LINE});</li>
 * <li>a parameter name has a list index that is not a number from 0 to {@link #MAX_LIST_INDEX}
 * ({@code days[x]}, {@code days[-1]}, {@code days[99999999]}, {@code name[]}): forms bind lists
 * by index only, never maps by key.</li>
 * </ul>
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2)
public class EdgeInputFilter extends OncePerRequestFilter {

    /**
     * For {@code @Pattern(regexp = EdgeInputFilter.SINGLE_LINE)} on fields shown in one line: no line break and
     * no other control character either (a tab passes the edge for text areas, but is junk in a name).
     * The portal's one single-line rule; features do not keep their own.
     */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

    /** The longest list a form binds (the week has 7 days); {@code BindingAdvice} grows lists no further. */
    static final int MAX_LIST_INDEX = 63;

    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)]");
    private static final Logger log = LoggerFactory.getLogger(EdgeInputFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String problem = containsControl(parameter.getKey()) || anyContainsControl(parameter.getValue())
                    ? "a control character" : hasBadIndex(parameter.getKey()) ? "a bad list index" : null;
            if (problem != null) {
                // the parameter's name only, made printable: a value may be personal data
                log.info("Refused a request to {}: {} in parameter {}", request.getRequestURI(), problem,
                        printable(parameter.getKey()));
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean anyContainsControl(String[] values) {
        if (values != null) {
            for (String value : values) {
                if (containsControl(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** C0 controls except tab, CR and LF; DEL; C1 controls. */
    static boolean containsControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasBadIndex(String name) {
        if (name.indexOf('[') < 0 && name.indexOf(']') < 0) {
            return false;
        }
        Matcher index = INDEX.matcher(name);
        int brackets = 0;
        while (index.find()) {
            brackets++;
            String number = index.group(1);
            if (!number.matches("\\d{1,2}") || Integer.parseInt(number) > MAX_LIST_INDEX) {
                return true;
            }
        }
        // every '[' and ']' must belong to an index
        return brackets != name.chars().filter(c -> c == '[').count() || brackets != name.chars().filter(c -> c == ']').count();
    }

    private static String printable(String name) {
        String printable = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
