package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import javax.imageio.ImageIO;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Logo and photos: recognised by content, re-encoded without metadata, six at most, public only when published. */
@PortalTest
class ListingImagesTest {

    static final String PASSWORD = "Malakoffturm und Tetraeder";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String owner;
    String stranger;
    String slug;
    long id;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        owner = accounts.create("BUSINESS", PASSWORD);
        stranger = accounts.create("BUSINESS", PASSWORD);
        slug = "test-bilder-" + UUID.randomUUID().toString().substring(0, 8);
        id = TestListings.ownedBy(jdbc, owner, slug, "Testbetrieb mit Bildern", "dienstleistung", "Teststraße 1", "PUBLISHED");
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ?", Long.toString(id));
        jdbc.update("DELETE FROM business WHERE id = ?", id);
        accounts.deleteAll();
    }

    @Test
    void jpegWithExifComesBackScaledWithoutExifAndIsPublicWithLongCache() throws Exception {
        byte[] upload = withExif(jpeg(3000, 2000), "GPS 51.5236N 6.9292E Geheimort");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif", "Geheimort");

        mvc.perform(upload("foto", file("urlaub.jpg", "image/jpeg", upload), "Verkaufsraum mit Theke"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/konto/eintraege/" + id + "/bilder"));

        long imageId = jdbc.queryForObject("SELECT id FROM business_image WHERE business_id = ?", Long.class, id);
        MvcResult result = mvc.perform(get("/unternehmen/" + slug + "/bilder/" + imageId + ".jpg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", allOf(containsString("max-age=31536000"), containsString("immutable"))))
                .andExpect(header().exists("ETag"))
                .andReturn();
        byte[] served = result.getResponse().getContentAsByteArray();
        String text = new String(served, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("Geheimort");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isBetween(1066, 1067);

        mvc.perform(get("/unternehmen/" + slug + "/bilder/" + imageId + ".jpg")
                        .header("If-None-Match", result.getResponse().getHeader("ETag")))
                .andExpect(status().isNotModified());
        mvc.perform(get("/unternehmen/" + slug + "/bilder/" + imageId + ".png")).andExpect(status().isNotFound());
        mvc.perform(get("/unternehmen/" + slug + "/bilder/999999999.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/unternehmen/" + slug))
                .andExpect(content().string(allOf(
                        containsString("src=\"/unternehmen/" + slug + "/bilder/" + imageId + ".jpg\""),
                        containsString("alt=\"Verkaufsraum mit Theke\""))));
    }

    @Test
    void formatIsRecognisedByContentNotByNameOrContentType() throws Exception {
        // a PNG called .jpg and declared JPEG is taken as the image it is
        mvc.perform(upload("logo", file("logo.jpg", "image/jpeg", png(800, 300)), "Logo der Testfirma"))
                .andExpect(status().isFound());
        String type = jdbc.queryForObject("SELECT content_type FROM business_image WHERE business_id = ? AND kind = 'LOGO'",
                String.class, id);
        assertThat(type).isEqualTo("image/png");
        Integer width = jdbc.queryForObject("SELECT width FROM business_image WHERE business_id = ?", Integer.class, id);
        assertThat(width).isEqualTo(400);
        // the business's logo and the city's mark in the header live side by side on the public page
        mvc.perform(get("/unternehmen/" + slug)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("class=\"business-logo\""), containsString("class=\"brand-logo\""))));

        // WebP is read (TwelveMonkeys) and stored as JPEG; name and declared type say otherwise
        byte[] webp = java.util.Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        mvc.perform(upload("foto", file("bild.gif", "application/octet-stream", webp), "Ein winziges Bild"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("SELECT content_type || ' ' || width || 'x' || height FROM business_image"
                + " WHERE business_id = ? AND kind = 'PHOTO'", String.class, id)).isEqualTo("image/jpeg 1x1");
        jdbc.update("DELETE FROM business_image WHERE business_id = ? AND kind = 'PHOTO'", id);

        // a text file called .png and declared PNG is refused, with the reason next to the field
        mvc.perform(upload("foto", file("bild.png", "image/png", "<?php echo 'hallo'; ?>".getBytes(StandardCharsets.UTF_8)), "Ein Bild"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"foto-datei-error\""),
                        containsString("Diese Datei ist kein Bild im Format JPEG, PNG oder WebP."))));

        // a truncated image is refused too
        byte[] jpeg = jpeg(400, 300);
        mvc.perform(upload("foto", file("kaputt.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)), "Ein Bild"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("beschädigt oder unvollständig")));
        assertThat(photos()).isZero();
    }

    @Test
    void uploadsOverFiveMegabytesAreRefusedInGerman() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(jpeg(100, 100), 0, big, 0, 100);
        mvc.perform(upload("foto", file("riesig.jpg", "image/jpeg", big), "Ein großes Bild"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(allOf(
                        containsString("Die Datei ist größer als 5 MB."),
                        containsString("id=\"foto-datei\""))));
        assertThat(photos()).isZero();
    }

    @Test
    void altTextIsRequiredAndAtMostTwoHundredCharacters() throws Exception {
        mvc.perform(upload("foto", file("a.jpg", "image/jpeg", jpeg(200, 100)), "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"foto-alt-error\""),
                        containsString("Bitte beschreiben Sie das Bild"))));
        mvc.perform(upload("foto", file("a.jpg", "image/jpeg", jpeg(200, 100)), "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("höchstens 200 Zeichen")));
        assertThat(photos()).isZero();
    }

    @Test
    void aSeventhPhotoIsRefusedAndPhotosCanBeReplacedAndDeleted() throws Exception {
        for (int i = 1; i <= 6; i++) {
            mvc.perform(upload("foto", file("f.jpg", "image/jpeg", jpeg(300, 200)), "Foto " + i)).andExpect(status().isFound());
        }
        mvc.perform(upload("foto", file("f.jpg", "image/jpeg", jpeg(300, 200)), "Foto 7"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Es sind bereits sechs Fotos gespeichert.")));
        assertThat(photos()).isEqualTo(6);

        long first = jdbc.queryForObject("SELECT min(id) FROM business_image WHERE business_id = ?", Long.class, id);
        mvc.perform(multipart("/konto/eintraege/" + id + "/bilder/" + first).file(file("neu.png", "image/png", png(100, 100)))
                        .param("alt", "Ersetztes Foto").with(user(owner).roles("BUSINESS")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_image WHERE id = ?", Integer.class, first)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_image WHERE business_id = ? AND alt_text = 'Ersetztes Foto'"
                + " AND content_type = 'image/jpeg'", Integer.class, id)).isEqualTo(1);

        long second = jdbc.queryForObject("SELECT min(id) FROM business_image WHERE business_id = ?", Long.class, id);
        mvc.perform(post("/konto/eintraege/" + id + "/bilder/" + second + "/loeschen").with(user(owner).roles("BUSINESS")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(photos()).isEqualTo(5);
    }

    @Test
    void strangersGetNotFoundAndStaffMayManageEveryListing() throws Exception {
        mvc.perform(get("/konto/eintraege/" + id + "/bilder").with(user(stranger).roles("BUSINESS")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/konto/eintraege/" + id + "/bilder").file(file("f.jpg", "image/jpeg", jpeg(100, 100)))
                        .param("art", "foto").param("alt", "Fremdes Foto").with(user(stranger).roles("BUSINESS")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(photos()).isZero();

        mvc.perform(get("/konto/eintraege/" + id + "/bilder").with(user(owner).roles("BUSINESS")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("enctype=\"multipart/form-data\""),
                        containsString("name=\"_csrf\""), containsString("for=\"foto-alt\""))));
        mvc.perform(multipart("/admin/unternehmen/" + id + "/bilder").file(file("f.jpg", "image/jpeg", jpeg(100, 100)))
                        .param("art", "foto").param("alt", "Foto der Redaktion").with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/unternehmen/" + id + "/bilder"));
        mvc.perform(get("/admin/unternehmen/" + id + "/bilder").with(TestAccounts.staff("redaktion@bottrop.example", "EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alt=\"Foto der Redaktion\"")));
        assertThat(photos()).isEqualTo(1);
    }

    @Test
    void imagesOfUnpublishedListingsAreNotPublicButTheOwnerSeesThem() throws Exception {
        mvc.perform(upload("foto", file("f.jpg", "image/jpeg", jpeg(100, 100)), "Ein Foto")).andExpect(status().isFound());
        long imageId = jdbc.queryForObject("SELECT id FROM business_image WHERE business_id = ?", Long.class, id);
        jdbc.update("UPDATE business SET status = 'PENDING' WHERE id = ?", id);
        mvc.perform(get("/unternehmen/" + slug + "/bilder/" + imageId + ".jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/konto/eintraege/" + id + "/bilder/" + imageId).with(user(owner).roles("BUSINESS")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"));
        mvc.perform(get("/konto/eintraege/" + id + "/bilder/" + imageId).with(user(stranger).roles("BUSINESS")))
                .andExpect(status().isNotFound());
    }

    private MockMultipartHttpServletRequestBuilder upload(String kind, MockMultipartFile file, String alt) {
        MockMultipartHttpServletRequestBuilder builder = multipart("/konto/eintraege/" + id + "/bilder").file(file);
        builder.param("art", kind).param("alt", alt).with(user(owner).roles("BUSINESS")).with(csrf());
        return builder;
    }

    private int photos() {
        return jdbc.queryForObject("SELECT count(*) FROM business_image WHERE business_id = ? AND kind = 'PHOTO'", Integer.class, id);
    }

    static MockMultipartFile file(String name, String type, byte[] bytes) {
        return new MockMultipartFile("datei", name, type, bytes);
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 120, 40));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0, 128, 0, 180));
        graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Puts an APP1 Exif segment (a TIFF header with one ImageDescription entry) right after the JPEG's SOI marker. */
    static byte[] withExif(byte[] jpeg, String description) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}); // little endian, first IFD at 8
        tiff.writeBytes(new byte[] {1, 0}); // one entry
        int offset = 8 + 2 + 12 + 4;
        tiff.writeBytes(new byte[] {0x0e, 0x01, 2, 0}); // tag 0x010E ImageDescription, type ASCII
        tiff.writeBytes(le32(text.length));
        tiff.writeBytes(le32(offset));
        tiff.writeBytes(le32(0)); // no next IFD
        tiff.writeBytes(text);
        byte[] payload = tiff.toByteArray();
        int length = 2 + 6 + payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }
}
