package de.stadtportal.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * An upload over spring.servlet.multipart's limits makes the servlet container refuse to read any
 * parameter, so the CSRF check and everything after it would fail with a 500. Before Spring
 * Security sees the request, this filter lets the container parse it once; when that fails, the
 * request goes on with only its query parameters (forms that upload send their CSRF token there)
 * and Spring MVC reports {@code MaxUploadSizeExceededException}, which the feature turns into a
 * page that says why.
 */
@Component
// before EdgeInputFilter, whose look at the parameters parses the upload
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 3)
class UploadLimitFilter extends OncePerRequestFilter {

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
        } catch (IllegalStateException | IOException | ServletException e) {
            chain.doFilter(new RefusedUpload(request), response);
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
