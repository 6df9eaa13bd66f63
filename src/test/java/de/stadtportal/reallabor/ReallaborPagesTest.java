package de.stadtportal.reallabor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PortalTest
class ReallaborPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void overviewShowsTheTableOfAllThreeReallaboreWithMeasuresAndSdgs() throws Exception {
        mvc.perform(get("/reallabore"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<th scope=\"col\">Maßnahme(n)</th>"),
                        containsString("href=\"/reallabore/hybride-formen-des-handels\""),
                        containsString("href=\"/reallabore/digitale-koproduktion-im-handwerk\""),
                        containsString("href=\"/reallabore/fachkraeftesicherung\""),
                        containsString("Fairtrade-Town"),
                        containsString("HalloBot"),
                        containsString("Megatrend »Faires Handeln«"),
                        containsString("»Nachhaltige Städte und Gemeinden«"),
                        containsString("»Weniger Ungleichheiten«"))));
    }

    @Test
    void detailShowsEveryPartOfAMeasureWithDatedResults() throws Exception {
        mvc.perform(get("/reallabore/hybride-formen-des-handels"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Reallabor »Hybride Formen des Handels«</h1>"),
                        containsString("Hintergrund und Zielsetzung"),
                        containsString("Aktivitäten"), containsString("Koordination"),
                        containsString("Finanzierung"), containsString("Beteiligte Akteure"),
                        containsString("Zielgruppe(n)"), containsString("Mehrwert"),
                        containsString("Ergebnisse"), containsString("Zukunftsperspektive"),
                        containsString("<time datetime=\"2021-11-26\">26. November 2021</time>"),
                        containsString("Wifi4EU"),
                        containsString("Gastronomie"),
                        not(containsString("Gastro- nomie")))));
    }

    @Test
    void craftsLabShowsItsCooperationPartnersAndDatedMilestones() throws Exception {
        mvc.perform(get("/reallabore/digitale-koproduktion-im-handwerk"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Handwerkskammer Münster"),
                        containsString("Kreishandwerkerschaft Emscher-Lippe-West"),
                        containsString("<time datetime=\"2021-08\">"),
                        containsString("SDG</abbr>"),
                        containsString("»Menschenwürdige Arbeit und Wirtschaftswachstum«"))));
    }

    @Test
    void skilledWorkersLabIsMendedFromTheSeedsLineBreaks() throws Exception {
        mvc.perform(get("/reallabore/fachkraeftesicherung"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Referat Migration"),
                        containsString("Ausländeramt"),
                        containsString("Kommunales Integrationsmanagement"),
                        not(containsString("Mig- ration")),
                        not(containsString("Fachkräftesiche- rung")))));
    }

    @Test
    void sdgTitlesAreEnglishOnTheEnglishPage() throws Exception {
        mvc.perform(get("/reallabore").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"en\">"),
                        containsString("Real-world labs"),
                        containsString("»Reduced Inequalities«"))));
    }

    @Test
    void unknownReallaborIsNotFound() throws Exception {
        // the page itself is rendered by the servlet container's error dispatch: see ErrorPagesTest
        mvc.perform(get("/reallabore/gibt-es-nicht")).andExpect(status().isNotFound());
    }
}
