package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import de.stadtportal.PortalTest;
import de.stadtportal.directory.domain.BusinessImageService;
import de.stadtportal.directory.domain.BusinessImageService.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The city's mark: a configurable logo with the city's name as its text alternative in the header,
 * a favicon, and each business's logo (else its first photo) as a small thumbnail in the results.
 */
@PortalTest
class CityMarkTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BusinessImageService images;

    String slug = "test-vorschau-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id IN (SELECT id::text FROM business WHERE slug = ?)", slug);
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
    }

    @Test
    void everyPageShowsTheCityLogoAndTheFaviconIsServed() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(matchesPattern("(?s).*<img class=\"brand-logo\" src=\"(/assets/icons/logo[-0-9a-f]*\\.svg)\""
                        + " alt=\"Stadt Bottrop\"\\s+width=\"44\" height=\"44\">.*")));
        mvc.perform(get("/unternehmen").param("lang", "en"))
                .andExpect(content().string(containsString("alt=\"Stadt Bottrop\"")));
        mvc.perform(get("/assets/icons/logo.svg"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/x-icon"));
    }

    @Test
    void resultsShowTheLogoOrFirstPhotoAsASmallThumbnail() throws Exception {
        long id = jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES (?, 'Vorschaubild Testladen', (SELECT id FROM category WHERE slug = 'dienstleistung'), 'Teststraße 3', '46236', 'PUBLISHED')
                RETURNING id""", Long.class, slug);
        images.add(id, Kind.PHOTO, ListingImagesTest.jpeg(1200, 600), "Der Laden von außen");
        String page = mvc.perform(get("/unternehmen").param("q", "Vorschaubild Testladen"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher photo = Pattern.compile("<img class=\"thumb\" src=\"(/unternehmen/" + slug
                + "/bilder/\\d+-klein\\.jpg)\" alt=\"Der Laden von außen\"\\s+width=\"64\" height=\"32\" loading=\"lazy\">").matcher(page);
        assertThat(photo.find()).as(page).isTrue();
        byte[] small = mvc.perform(get(photo.group(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", containsString("immutable")))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(small));
        assertThat(decoded.getWidth()).isEqualTo(BusinessImageService.THUMBNAIL_SIDE);
        assertThat(decoded.getHeight()).isEqualTo(64);
        // kept after the first request
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_image WHERE business_id = ? AND thumbnail IS NOT NULL",
                Integer.class, id)).isEqualTo(1);
        mvc.perform(get(photo.group(1))).andExpect(status().isOk());

        // a logo comes first
        images.add(id, Kind.LOGO, ListingImagesTest.jpeg(300, 300), "Logo des Testladens");
        mvc.perform(get("/unternehmen").param("q", "Vorschaubild Testladen"))
                .andExpect(content().string(matchesPattern("(?s).*-klein\\.png\" alt=\"Logo des Testladens\"\\s+width=\"64\" height=\"64\".*")));
        // nobody else's image through another listing's address
        mvc.perform(get(photo.group(1).replace(slug, "baeckerei-kamphues"))).andExpect(status().isNotFound());
    }
}
