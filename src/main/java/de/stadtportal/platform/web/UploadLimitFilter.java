package de.stadtportal.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * An upload over spring.servlet.multipart's limits makes the servlet container refuse to read any
 * parameter, so the CSRF check and everything after it would fail with a 500. Before Spring
 * Security sees the request, this filter lets the container parse it once.
 * <ul>
 * <li>Over a size limit: the request goes on with only its query parameters, marked
 * {@link #REFUSED_UPLOAD}, and Spring MVC reports {@code MaxUploadSizeExceededException} before any
 * controller runs; the feature turns it into a page that says why (413). The CSRF token in the
 * body is out of reach, so the security configuration does not ask for it on such a request (it
 * cannot change anything), except on Spring Security's own endpoints, which act without a controller.</li>
 * <li>A body that is no complete multipart (a cut-off upload, a wrong boundary): 400, and the
 * error page says the upload was broken ({@link #BROKEN_UPLOAD}).</li>
 * </ul>
 * Forms that upload carry their CSRF token as a form field like every other form.
 */
@Component
// before EdgeInputFilter, whose look at the parameters parses the upload
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 3)
class UploadLimitFilter extends OncePerRequestFilter {

    /** Request attribute: the upload was over a size limit and has no readable body. */
    static final String REFUSED_UPLOAD = UploadLimitFilter.class.getName() + ".refused";

    /** Request attribute (and variable of the 400 page): the multipart body was broken. */
    static final String BROKEN_UPLOAD = "uploadBroken";

    private static final Logger log = LoggerFactory.getLogger(UploadLimitFilter.class);

    /** Whether the request is an upload over the size limit, whose body nobody can read. */
    static boolean isRefused(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(REFUSED_UPLOAD));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParts();
        } catch (IllegalStateException e) {
            // the container's word for a size limit (Tomcat wraps its SizeException in it)
            request.setAttribute(REFUSED_UPLOAD, Boolean.TRUE);
            chain.doFilter(new RefusedUpload(request), response);
            return;
        } catch (IOException | ServletException e) {
            log.info("Refused a broken upload to {}: {}", request.getRequestURI(), e.getClass().getSimpleName());
            request.setAttribute(BROKEN_UPLOAD, Boolean.TRUE);
            // tells the DispatcherServlet rendering the error page not to parse the body again
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MultipartException("broken multipart body", e));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request without its body: query parameters only; its parts report the size limit. */
    static final class RefusedUpload extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        RefusedUpload(HttpServletRequest request) {
            super(request);
            if (request.getQueryString() != null) {
                MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString("/?" + request.getQueryString())
                        .build().getQueryParams();
                query.forEach((name, values) -> parameters.put(UriUtils.decode(name, StandardCharsets.UTF_8),
                        values.stream().map(v -> v == null ? "" : UriUtils.decode(v, StandardCharsets.UTF_8)).toArray(String[]::new)));
            }
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public Collection<Part> getParts() {
            // Spring's StandardMultipartHttpServletRequest turns this message into MaxUploadSizeExceededException
            throw new IllegalStateException("The request size exceeds the configured maximum");
        }

        @Override
        public Part getPart(String name) {
            return getParts().stream().findFirst().orElse(null);
        }
    }
}
