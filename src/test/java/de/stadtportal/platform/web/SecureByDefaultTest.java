package de.stadtportal.platform.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import de.stadtportal.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15, point 11: an installation whose address starts with https:// is secure without further
 * settings. Its own context (the base URL differs), so only this one check lives here.
 */
@SpringBootTest(properties = "portal.base-url=https://portal.example")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class SecureByDefaultTest {

    @Autowired
    MockMvc mvc;

    @Test
    void behindHttpsCookiesAreSecureAndHstsIsSentEvenWithoutForwardedProto() throws Exception {
        // the proxy speaks plain HTTP to the portal
        mvc.perform(get("/en/"))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(formLogin("/konto/anmelden").user("niemand@test.example").password("falsch falsch falsch"))
                .andExpect(header().string("Set-Cookie", allOf(containsString("SESSION="), containsString("Secure"),
                        containsString("HttpOnly"), containsString("SameSite=Lax"))));
    }
}
