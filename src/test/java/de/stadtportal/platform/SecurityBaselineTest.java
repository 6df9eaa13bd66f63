package de.stadtportal.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class SecurityBaselineTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/reallabore", "/reallabore/fachkraeftesicherung", "/impressum", "/datenschutz", "/barrierefreiheit"})
    void publicPagesAreOpenSendSecurityHeadersAndSetNoCookie(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("base-uri 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/", "/admin/gibt-es-noch-nicht", "/admin/unternehmen/1"})
    void staffAreaSendsAnonymousVisitorsToLogin(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/konto/anmelden"));
    }

    @Test
    @WithMockUser(roles = "BUSINESS")
    void staffAreaIsForbiddenForBusinesses() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().isForbidden());
    }

    @Test
    void postWithoutCsrfTokenIsRejected() throws Exception {
        mvc.perform(post("/konto/anmelden").param("username", "a@b.de").param("password", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void englishLivesInTheAddressNotInACookie() throws Exception {
        mvc.perform(get("/en/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(header().doesNotExist("Set-Cookie"));
        // an old cookie from earlier versions changes nothing: the address alone decides
        mvc.perform(get("/").cookie(new jakarta.servlet.http.Cookie("sprache", "en")))
                .andExpect(content().string(containsString("<html lang=\"de\">")));
    }

    @Test
    void healthIsUpForLoadBalancers() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
