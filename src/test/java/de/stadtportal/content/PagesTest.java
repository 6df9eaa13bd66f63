package de.stadtportal.content;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class PagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void startPageInGermanWithLayoutAndTheThreeReallabore() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"de\">"),
                        containsString("<a class=\"skip-link\" href=\"#main\">Zum Inhalt springen</a>"),
                        containsString("<main id=\"main\""),
                        containsString("aria-current=\"page\">Start</a>"),
                        containsString("href=\"/reallabore/hybride-formen-des-handels\""),
                        containsString("href=\"/reallabore/digitale-koproduktion-im-handwerk\""),
                        containsString("href=\"/reallabore/fachkraeftesicherung\""),
                        containsString("href=\"/impressum\""),
                        containsString("<a class=\"language\" href=\"/en/\""))));
    }

    @Test
    void startPageInEnglish() throws Exception {
        mvc.perform(get("/en/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"en\">"),
                        containsString("Skip to content"),
                        containsString("href=\"/en/reallabore/fachkraeftesicherung\""),
                        containsString("<a class=\"language\" href=\"/\""))));
    }

    @Test
    void imprintNamesTheOperatorFromConfiguration() throws Exception {
        mvc.perform(get("/impressum"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Impressum</h1>"),
                        containsString("Stadt Bottrop"),
                        containsString("Ernst-Wilczok-Platz 1"),
                        containsString("§ 18"))));
    }

    @Test
    void privacyNoticeNamesControllerOfficerAndSupervisoryAuthority() throws Exception {
        mvc.perform(get("/datenschutz"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Datenschutz</h1>"),
                        containsString("datenschutz@bottrop.de"),
                        containsString("Art. 13"),
                        containsString("LDI NRW"))));
    }

    @Test
    void accessibilityStatementOffersFeedbackAndTheOmbudsProcedure() throws Exception {
        mvc.perform(get("/barrierefreiheit"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Barrierefreiheit</h1>"),
                        containsString("mailto:wirtschaftsfoerderung@bottrop.de"),
                        containsString("Ombudsstelle"),
                        containsString("https://www.mags.nrw/ombudsstelle-barrierefreie-it"))));
    }
}
