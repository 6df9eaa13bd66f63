package de.stadtportal.directory;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The most visited topics: /wlan shows its hotspots on a map as well as in the list, /wochenmarkt names
 * days, hours and place (configuration: the test's own market) and the market's dates from the events,
 * /gutschein says how the voucher works and where it is sold. The directory links all three.
 */
@PortalTest
class TopicPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void wifiHotspotsAreOnTheMapAndInTheList() throws Exception {
        mvc.perform(get("/wlan"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-map"), containsString("data-kind=\"list\""),
                        containsString("data-list=\"topic-businesses\""), containsString("id=\"topic-businesses\""),
                        containsString("data-map-label=\"Karte der WLAN-Hotspots\""),
                        matchesPattern("(?s).*<li\\s+data-lat=\"51\\.\\d+\" data-lon=\"6\\.\\d+\">.*Café Tetraeder.*"),
                        containsString("src=\"/assets/js/map"))));
    }

    @Test
    void marketPageNamesDaysHoursPlaceAndTheMarketDates() throws Exception {
        mvc.perform(get("/wochenmarkt"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Markttage, Zeiten und Ort"),
                        containsString("Testmarkt Mitte"), containsString("Dienstag, Freitag"),
                        containsString("07:00 bis 13:00 Uhr"), containsString("Testplatz 1"),
                        containsString("Nächste Markttermine"),
                        containsString("href=\"/veranstaltungen/wochenmarkt-innenstadt\""),
                        containsString("href=\"/veranstaltungen?kategorie=wochenmarkt\""))));
        mvc.perform(get("/wochenmarkt").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Tuesday, Friday"), containsString("07:00 to 13:00"))));
    }

    @Test
    void voucherPageSaysHowItWorksAndWhereItIsSold() throws Exception {
        mvc.perform(get("/gutschein"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("So funktioniert der Gutschein"),
                        containsString("Hier gibt es den Gutschein zu kaufen"),
                        containsString("Testinformation, Teststraße 5"),
                        containsString("Hier wird der Gutschein angenommen"))));
    }

    @Test
    void theDirectoryLinksItsTopics() throws Exception {
        mvc.perform(get("/unternehmen"))
                .andExpect(content().string(allOf(containsString("href=\"/gutschein\""),
                        containsString("href=\"/wochenmarkt\""), containsString("href=\"/wlan\""))));
    }
}
