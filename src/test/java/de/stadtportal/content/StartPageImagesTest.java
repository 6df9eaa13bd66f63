package de.stadtportal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.platform.NuChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Start page highlights with an image: alt text required, shown on /, kept in the versions. */
@PortalTest
class StartPageImagesTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@test.example", "EDITOR");
    static final String ALT = "Der Wochenmarkt vor dem Rathaus";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM start_page_highlight");
        jdbc.update("DELETE FROM start_page");
        jdbc.update("DELETE FROM start_page_image");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Startseite'");
        jdbc.update("DELETE FROM content_version WHERE kind = 'Startseite'");
    }

    private MockMultipartHttpServletRequestBuilder form(MockMultipartFile file, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("heading", "Stadtportal");
        fields.put("intro", "Willkommen im Portal");
        fields.put("reallabore", "Drei Reallabore");
        fields.put("aboutHeading", "Über dieses Portal");
        fields.put("about", "Die Stadt betreibt es.");
        fields.putAll(ContentEditingTest.BUILT_IN_LINES);
        fields.put("highlights[0].title", "Wochenmarkt");
        fields.put("highlights[0].text", "Jeden Samstag frisch.");
        fields.put("highlights[0].link", "/unternehmen");
        fields.put("orderDirectory", "1");
        fields.put("orderHighlights", "2");
        fields.put("orderNews", "3");
        fields.put("orderEvents", "4");
        fields.put("orderReallabore", "5");
        fields.put("version", "0");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart("/admin/startseite");
        if (file != null) {
            request.file(file);
        }
        request.with(csrf()).with(STAFF);
        fields.forEach(request::param);
        return request;
    }

    static MockMultipartFile png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return new MockMultipartFile("highlights[0].image", "markt.png", "image/png", out.toByteArray());
    }

    @Test
    void aHighlightWithImageShowsItOnTheStartPageAndARestoreBringsItBack() throws Exception {
        mvc.perform(form(png(2000, 1000), "highlights[0].imageAlt", ALT)).andExpect(status().is3xxRedirection());
        long imageId = jdbc.queryForObject("SELECT image_id FROM start_page_highlight WHERE position = 0", Long.class);
        String url = "/startseite/bilder/" + imageId + ".jpg";
        // scaled to 1200 pixels at most, re-encoded as JPEG
        assertThat(mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .containsPattern("<img class=\"highlight-image\" src=\"" + url + "\" alt=\"" + ALT + "\"\\s+width=\"1200\" height=\"600\"");
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        mvc.perform(get("/startseite/bilder/" + imageId + ".png")).andExpect(status().isNotFound());
        assertThat(NuChecker.errors(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())).isEmpty();
        assertThat(NuChecker.errors(mvc.perform(get("/admin/startseite").with(STAFF)).andReturn().getResponse().getContentAsString())).isEmpty();

        // the editor shows it; a save without a file keeps it, "remove" drops it, a restore brings it back
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(allOf(
                containsString("src=\"/admin/startseite/bilder/" + imageId + "\""), containsString("Bild entfernen"))));
        mvc.perform(form(null, "highlights[0].imageAlt", ALT, "version", "1", "highlights[0].text", "Jeden Samstag."))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT image_id FROM start_page_highlight WHERE position = 0", Long.class)).isEqualTo(imageId);
        mvc.perform(form(null, "highlights[0].removeImage", "true", "version", "2")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(not(containsString(url))));
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/startseite/versionen/3/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(content().string(containsString("src=\"" + url + "\" alt=\"" + ALT + "\"")));
    }

    @Test
    void anEnglishAltTextIsShownOnTheEnglishStartPageAndKeptInTheVersions() throws Exception {
        String english = "The weekly market in front of the town hall";
        mvc.perform(form(png(600, 300), "highlights[0].imageAlt", ALT, "highlights[0].imageAltEn", english))
                .andExpect(status().is3xxRedirection());
        long imageId = jdbc.queryForObject("SELECT image_id FROM start_page_highlight WHERE position = 0", Long.class);
        String url = "/startseite/bilder/" + imageId + ".jpg";
        String en = mvc.perform(get("/en/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).containsPattern("<img class=\"highlight-image\" src=\"" + url + "\" alt=\"" + english + "\"\\s+width=\"600\" height=\"300\">");
        assertThat(NuChecker.errors(en)).isEmpty();
        mvc.perform(get("/")).andExpect(content().string(containsString("alt=\"" + ALT + "\"")));
        mvc.perform(get("/admin/startseite").with(STAFF)).andExpect(content().string(allOf(containsString("Alternativtext (Englisch)"),
                containsString("name=\"highlights[0].imageAltEn\" value=\"" + english + "\""))));

        // without it the German alt text, marked German; a restore brings it back
        mvc.perform(form(null, "highlights[0].imageAlt", ALT, "highlights[0].imageAltEn", "", "version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/en/")).andReturn().getResponse().getContentAsString())
                .containsPattern("<img class=\"highlight-image\" src=\"" + url + "\" alt=\"" + ALT + "\"[^>]*lang=\"de\">");
        mvc.perform(post("/admin/startseite/versionen/2/wiederherstellen").with(csrf()).with(STAFF)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/en/")).andExpect(content().string(containsString("alt=\"" + english + "\"")));

        mvc.perform(form(null, "highlights[0].imageAlt", ALT, "highlights[0].imageAltEn", "x".repeat(5000), "version", "3"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"highlights0.imageAltEn-error\">Dieser Text ist zu lang."), containsString("value=\"Wochenmarkt\""))));
    }

    @Test
    void thePreviewShowsTheImagesASaveWouldPublish() throws Exception {
        String page = mvc.perform(form(png(2000, 1000), "highlights[0].imageAlt", ALT, "highlights[0].imageAltEn", "The market",
                "vorschau", "1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<img class=\"highlight-image\" src=\"data:image/jpeg;base64,[A-Za-z0-9+/=]+\"\\s+alt=\"" + ALT
                + "\"\\s+width=\"1200\" height=\"600\">").containsPattern("src=\"data:image/jpeg;base64,[A-Za-z0-9+/=]+\"\\s+alt=\"The market\"");
        assertThat(NuChecker.errors(page)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM start_page_image", Integer.class)).isZero();

        mvc.perform(form(png(400, 200), "highlights[0].imageAlt", ALT)).andExpect(status().is3xxRedirection());
        long imageId = jdbc.queryForObject("SELECT image_id FROM start_page_highlight WHERE position = 0", Long.class);
        page = mvc.perform(form(null, "highlights[0].imageAlt", "Der Markt", "version", "1", "vorschau", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"preview-heading\""), page.indexOf("</section>", page.indexOf("id=\"preview-heading\""))))
                .containsPattern("src=\"/admin/startseite/bilder/" + imageId + "\"\\s+alt=\"Der Markt\"\\s+width=\"400\" height=\"200\">");
        assertThat(NuChecker.errors(page)).isEmpty();
        page = mvc.perform(form(null, "highlights[0].removeImage", "true", "version", "1", "vorschau", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"preview-heading\""), page.indexOf("</section>", page.indexOf("id=\"preview-heading\"")))).doesNotContain("<img");
    }

    @Test
    void anImageWithoutAltTextOrAFileThatIsNoImageIsRefusedNextToTheField() throws Exception {
        mvc.perform(form(png(300, 200), "highlights[0].imageAlt", ""))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"highlights0.imageAlt-error\">Bitte beschreiben Sie das Bild für Menschen, die es nicht sehen können."),
                        containsString("value=\"Wochenmarkt\""))));
        MockMultipartFile text = new MockMultipartFile("highlights[0].image", "markt.png", "image/png", "kein Bild".getBytes());
        mvc.perform(form(text, "highlights[0].imageAlt", ALT))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"highlights0.image-error\">Diese Datei ist kein Bild im Format JPEG, PNG oder WebP."),
                        containsString("value=\"Wochenmarkt\""))));
        assertThat(NuChecker.errors(mvc.perform(form(text, "highlights[0].imageAlt", ""))
                .andReturn().getResponse().getContentAsString())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM start_page_highlight", Integer.class)).isZero();
    }
}
