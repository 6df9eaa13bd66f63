package de.stadtportal.news;

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

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.platform.NuChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** News images: staff add one with alt text; visitors see it on the item, the list and the start page; restore brings it back. */
@PortalTest
class NewsImagesTest {

    static final String BASE = "/admin/aktuelles";
    static final String ALT = "Zwei Hände halten eine Tasse fairen Kaffee";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String title;
    RequestPostProcessor staff = TestAccounts.staff("redaktion@test.example", "EDITOR");

    @BeforeEach
    void setUp() {
        title = "Bildnachricht " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        List<String> ids = jdbc.queryForList("SELECT id::text FROM news WHERE title LIKE ?", String.class, title + "%");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Nachricht' AND entity_id = ANY (?::text[])", (Object) ids.toArray(String[]::new));
        jdbc.update("DELETE FROM content_version WHERE kind = 'Nachricht' AND entity_id = ANY (?::text[])", (Object) ids.toArray(String[]::new));
        jdbc.update("DELETE FROM news WHERE title LIKE ?", title + "%");
    }

    private MockMultipartHttpServletRequestBuilder form(String path, MockMultipartFile file, String... overrides) {
        String at = LocalDateTime.now(ZoneId.of("Europe/Berlin")).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("teaser", "Fairer Kaffee im Rathaus");
        fields.put("body", "Ab heute gibt es im Rathaus fairen Kaffee.");
        fields.put("topics", "FAIRTRADE");
        fields.put("publishDate", at.substring(0, 10));
        fields.put("publishTime", at.substring(11, 16));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart(path);
        if (file != null) {
            request.file(file);
        }
        request.with(csrf()).with(staff);
        fields.forEach(request::param);
        return request;
    }

    static MockMultipartFile jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(120, 80, 40));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return new MockMultipartFile("image", "kaffee.jpg", "image/jpeg", out.toByteArray());
    }

    @Test
    void anItemWithImageAndAltTextShowsItToVisitorsAndARestoreBringsItBack() throws Exception {
        mvc.perform(form(BASE + "/neu", jpeg(2400, 1200), "imageAlt", ALT)).andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.queryForMap("SELECT id, slug, image_id, image_alt FROM news WHERE title = ?", title);
        long id = ((Number) row.get("id")).longValue();
        String slug = (String) row.get("slug");
        long imageId = ((Number) row.get("image_id")).longValue();
        assertThat(row.get("image_alt")).isEqualTo(ALT);
        String url = "/aktuelles/" + slug + "/bilder/" + imageId + ".jpg";

        // scaled to 1600 pixels at most; width and height on the page keep it from jumping while it loads
        mvc.perform(get("/aktuelles/" + slug)).andExpect(status().isOk()).andExpect(content().string(
                containsString("<img src=\"" + url + "\" alt=\"" + ALT + "\" width=\"1600\" height=\"800\">")));
        // the alt text is German: marked so on the English page
        assertThat(mvc.perform(get("/aktuelles/" + slug).param("lang", "en")).andReturn().getResponse().getContentAsString())
                .containsPattern("<img src=\"" + url + "\" alt=\"" + ALT + "\"[^>]*lang=\"de\">");
        mvc.perform(get("/aktuelles")).andExpect(content().string(allOf(containsString("src=\"" + url + "\""), containsString(ALT))));
        for (String page : List.of("/aktuelles/" + slug, "/aktuelles", "/")) {
            assertThat(NuChecker.errors(mvc.perform(get(page)).andReturn().getResponse().getContentAsString())).as(page).isEmpty();
        }
        assertThat(NuChecker.errors(mvc.perform(get(BASE + "/" + id).with(staff)).andReturn().getResponse().getContentAsString())).isEmpty();
        mvc.perform(get("/")).andExpect(content().string(containsString("src=\"" + url + "\"")));
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/aktuelles/" + slug + "/bilder/" + imageId + ".png")).andExpect(status().isNotFound());
        mvc.perform(get("/aktuelles/anderes/bilder/" + imageId + ".jpg")).andExpect(status().isNotFound());

        // the staff's form shows the current image and keeps it on a save without a file
        mvc.perform(get(BASE + "/" + id).with(staff)).andExpect(content().string(allOf(
                containsString("src=\"/admin/aktuelles/" + id + "/bilder/" + imageId + "\""), containsString("Bild entfernen"))));
        long version = jdbc.queryForObject("SELECT version FROM news WHERE id = ?", Long.class, id);
        mvc.perform(form(BASE + "/" + id, null, "imageAlt", ALT, "version", String.valueOf(version), "body", "Zweite Fassung"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT image_id FROM news WHERE id = ?", Long.class, id)).isEqualTo(imageId);

        // removed, then restored from the version before
        version = jdbc.queryForObject("SELECT version FROM news WHERE id = ?", Long.class, id);
        mvc.perform(form(BASE + "/" + id, null, "imageAlt", "", "removeImage", "true", "version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/aktuelles/" + slug)).andExpect(content().string(not(containsString("<img src=\"" + url))));
        mvc.perform(post(BASE + "/" + id + "/versionen/2/wiederherstellen").with(csrf()).with(staff)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/aktuelles/" + slug)).andExpect(content().string(containsString("<img src=\"" + url + "\" alt=\"" + ALT + "\"")));
    }

    @Test
    void anEnglishAltTextIsShownOnEnglishPagesAndKeptInTheVersions() throws Exception {
        String english = "Two hands holding a cup of fair coffee";
        mvc.perform(form(BASE + "/neu", jpeg(800, 400), "imageAlt", ALT, "imageAltEn", english)).andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.queryForMap("SELECT id, slug, image_id FROM news WHERE title = ?", title);
        long id = ((Number) row.get("id")).longValue();
        String slug = (String) row.get("slug");
        String url = "/aktuelles/" + slug + "/bilder/" + row.get("image_id") + ".jpg";
        // English pages: the English alt text, not marked German; German pages: the German one
        for (String page : List.of("/en/aktuelles/" + slug, "/en/aktuelles", "/en/")) {
            String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).containsPattern("<img [^>]*src=\"" + url + "\" alt=\"" + english + "\"[^>]*>")
                    .doesNotContainPattern("<img [^>]*src=\"" + url + "\"[^>]*lang=\"de\"");
            assertThat(NuChecker.errors(html)).as(page).isEmpty();
        }
        mvc.perform(get("/aktuelles/" + slug)).andExpect(content().string(containsString("alt=\"" + ALT + "\"")));
        mvc.perform(get(BASE + "/" + id).with(staff)).andExpect(content().string(allOf(
                containsString("Alternativtext (Englisch)"), containsString("name=\"imageAltEn\" value=\"" + english + "\""))));

        // cleared: the German alt text again, marked German; a restore brings the English one back
        long version = jdbc.queryForObject("SELECT version FROM news WHERE id = ?", Long.class, id);
        mvc.perform(form(BASE + "/" + id, null, "imageAlt", ALT, "imageAltEn", "", "version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/en/aktuelles/" + slug)).andReturn().getResponse().getContentAsString())
                .containsPattern("<img src=\"" + url + "\" alt=\"" + ALT + "\"[^>]*lang=\"de\">");
        mvc.perform(post(BASE + "/" + id + "/versionen/1/wiederherstellen").with(csrf()).with(staff)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT image_alt_en FROM news WHERE id = ?", String.class, id)).isEqualTo(english);
        mvc.perform(get("/en/aktuelles/" + slug)).andExpect(content().string(containsString("alt=\"" + english + "\"")));

        // too long or two lines: next to the field, never stored
        version = jdbc.queryForObject("SELECT version FROM news WHERE id = ?", Long.class, id);
        mvc.perform(form(BASE + "/" + id, null, "imageAlt", ALT, "imageAltEn", "x".repeat(5000), "version", String.valueOf(version)))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"imageAltEn-error\">Dieser Text ist zu lang."), containsString("value=\"" + title + "\""))));
        mvc.perform(form(BASE + "/" + id, null, "imageAlt", ALT, "imageAltEn", "two\nlines", "version", String.valueOf(version)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"imageAltEn-error\"")));
        assertThat(jdbc.queryForObject("SELECT image_alt_en FROM news WHERE id = ?", String.class, id)).isEqualTo(english);
    }

    @Test
    void thePreviewShowsTheImageASaveWouldPublish() throws Exception {
        // a file just chosen: shown from its checked bytes, nothing stored
        String page = mvc.perform(form(BASE + "/neu", jpeg(2400, 1200), "imageAlt", ALT, "imageAltEn", "A cup of coffee",
                        "titleEn", "Fair coffee", "vorschau", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<img src=\"data:image/jpeg;base64,[A-Za-z0-9+/=]+\"\\s+alt=\"" + ALT + "\"\\s+width=\"1600\" height=\"800\">")
                .containsPattern("<img src=\"data:image/jpeg;base64,[A-Za-z0-9+/=]+\"\\s+alt=\"A cup of coffee\"");
        assertThat(NuChecker.errors(page)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM news WHERE title = ?", Integer.class, title)).isZero();

        // the stored image of an item, and none once "remove" is ticked
        mvc.perform(form(BASE + "/neu", jpeg(400, 300), "imageAlt", ALT)).andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.queryForMap("SELECT id, image_id, version FROM news WHERE title = ?", title);
        long id = ((Number) row.get("id")).longValue();
        String stored = "/admin/aktuelles/" + id + "/bilder/" + row.get("image_id");
        page = mvc.perform(form(BASE + "/" + id, null, "imageAlt", "Neuer Text zum Bild", "version", row.get("version").toString(),
                "vorschau", "1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String previewPart = page.substring(page.indexOf("id=\"preview-heading\""), page.indexOf("</section>", page.indexOf("id=\"preview-heading\"")));
        assertThat(previewPart).containsPattern("<img src=\"" + stored + "\"\\s+alt=\"Neuer Text zum Bild\"\\s+width=\"400\" height=\"300\">");
        assertThat(NuChecker.errors(page)).isEmpty();
        page = mvc.perform(form(BASE + "/" + id, null, "imageAlt", "", "removeImage", "true", "version", row.get("version").toString(),
                "vorschau", "1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"preview-heading\""), page.indexOf("</section>", page.indexOf("id=\"preview-heading\"")))).doesNotContain("<img");
        assertThat(jdbc.queryForObject("SELECT image_alt FROM news WHERE id = ?", String.class, id)).isEqualTo(ALT);
    }

    @Test
    void anImageWithoutAltTextIsRefusedNextToTheFieldWithTheInputKept() throws Exception {
        mvc.perform(form(BASE + "/neu", jpeg(400, 300), "imageAlt", "  ", "body", "Mein getippter Text"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"imageAlt-error\">Bitte beschreiben Sie das Bild für Menschen, die es nicht sehen können."),
                        containsString("aria-invalid=\"true\""), containsString("value=\"" + title + "\""),
                        containsString("Mein getippter Text"))));
        assertThat(NuChecker.errors(mvc.perform(form(BASE + "/neu", jpeg(400, 300), "imageAlt", ""))
                .andReturn().getResponse().getContentAsString())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM news WHERE title = ?", Integer.class, title)).isZero();
    }

    @Test
    void aFileThatIsNoImageIsRefusedInGerman() throws Exception {
        MockMultipartFile text = new MockMultipartFile("image", "bild.jpg", "image/jpeg", "kein Bild, nur Text".getBytes());
        mvc.perform(form(BASE + "/neu", text, "imageAlt", ALT))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"image-error\">Diese Datei ist kein Bild im Format JPEG, PNG oder WebP."),
                        containsString("value=\"" + title + "\""), containsString("name=\"imageAlt\" value=\"Zwei H"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM news WHERE title = ?", Integer.class, title)).isZero();
    }
}
