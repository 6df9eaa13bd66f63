package de.stadtportal.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff add an image to a news item and to a start page highlight the way a person does (file, German and English
 * alt text, preview, save); the staff forms with the image, the previews and the public pages in both languages
 * pass axe-core (WCAG 2.1 AA), and every image shown actually loads (the preview's data: address included).
 */
@BrowserTest
class ContentImagesBrowserTest extends BrowserPages {

    static final String PASSWORD = "ein langes Test-Passwort 42";
    static final String ALT = "Eine Tasse fairer Kaffee auf dem Ratstisch";
    static final String ALT_EN = "A cup of fair coffee on the council table";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String title;
    Path folder;

    @BeforeEach
    void setUp() throws IOException {
        accounts = new TestAccounts(jdbc, encoder);
        title = "Bild im Browser " + UUID.randomUUID().toString().substring(0, 8);
        folder = Files.createTempDirectory("inhalte");
    }

    @AfterEach
    void cleanUp() throws IOException {
        List<String> ids = jdbc.queryForList("SELECT id::text FROM news WHERE title = ?", String.class, title);
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Nachricht' AND entity_id = ANY (?::text[])", (Object) ids.toArray(String[]::new));
        jdbc.update("DELETE FROM content_version WHERE kind = 'Nachricht' AND entity_id = ANY (?::text[])", (Object) ids.toArray(String[]::new));
        jdbc.update("DELETE FROM news WHERE title = ?", title);
        jdbc.update("DELETE FROM start_page_highlight");
        jdbc.update("DELETE FROM start_page");
        jdbc.update("DELETE FROM start_page_image");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Startseite'");
        jdbc.update("DELETE FROM content_version WHERE kind = 'Startseite'");
        driver.manage().deleteAllCookies();
        accounts.deleteAll();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    private Path photo(String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(90, 60, 30));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        Path file = folder.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    /** Every image of the page has loaded and has pixels: none is broken or blocked by the CSP. */
    private static void assertImagesLoaded(String where) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return Array.from(document.images).every(i => i.complete);"));
        List<?> broken = (List<?>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.images).filter(i => i.naturalWidth === 0).map(i => i.src.substring(0, 60));");
        assertThat(broken).as(where + ": images that did not load").isEmpty();
    }

    private static WebElement image(String selector, String alt) {
        return await(By.cssSelector(selector + "[alt='" + alt + "']"));
    }

    @Test
    void newsItemWithImageFromFormToPublicPageInBothLanguages() throws Exception {
        logIn(accounts.create("EDITOR", PASSWORD), PASSWORD);
        Path file = photo("kaffee.jpg", 1200, 800);
        driver.get(url("/admin/aktuelles/neu?lang=de"));
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("teaser")).sendKeys("Fairer Kaffee im Rathaus");
        driver.findElement(By.id("body")).sendKeys("Ab heute gibt es im Rathaus fairen Kaffee.");
        driver.findElement(By.id("image")).sendKeys(file.toString());
        driver.findElement(By.id("imageAlt")).sendKeys(ALT);
        driver.findElement(By.id("imageAltEn")).sendKeys(ALT_EN);
        driver.findElement(By.cssSelector("button[name=vorschau]")).click();
        assertThat(await(By.id("preview-heading")).getText()).isEqualTo("Vorschau");
        assertThat(image(".preview img", ALT).getAttribute("src")).startsWith("data:image/jpeg;base64,");
        assertThat(image(".preview [lang=en] img", ALT_EN).getDomAttribute("lang")).isNull();
        assertImagesLoaded("news preview");
        Browser.assertNoAccessibilityViolations(driver);

        // the file is chosen again for the save (a browser never refills a file field)
        driver.findElement(By.id("image")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("main form.form button.button:not([name])")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/admin/aktuelles/\\d+$"));
        assertThat(image("img.image-preview", ALT).isDisplayed()).isTrue();
        assertImagesLoaded("news form");
        Browser.assertNoAccessibilityViolations(driver);
        // the preview of the saved item shows the stored image
        driver.findElement(By.cssSelector("button[name=vorschau]")).click();
        assertThat(image(".preview img", ALT).getAttribute("src")).contains("/admin/aktuelles/");
        assertImagesLoaded("news preview of the stored image");
        Browser.assertNoAccessibilityViolations(driver);

        String slug = jdbc.queryForObject("SELECT slug FROM news WHERE title = ?", String.class, title);
        long id = jdbc.queryForObject("SELECT id FROM news WHERE title = ?", Long.class, title);
        driver.get(url("/admin/aktuelles/" + id + "/versionen"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.manage().deleteAllCookies();
        driver.get(url("/aktuelles/" + slug));
        assertThat(image(".news-image img", ALT).getDomAttribute("lang")).isNull();
        assertImagesLoaded("news item");
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/en/aktuelles/" + slug));
        image(".news-image img", ALT_EN);
        assertImagesLoaded("English news item");
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/en/aktuelles"));
        image("img.news-thumb", ALT_EN);
        Browser.assertNoAccessibilityViolations(driver);
    }

    @Test
    void startPageHighlightWithImageFromFormToStartPageInBothLanguages() throws Exception {
        logIn(accounts.create("EDITOR", PASSWORD), PASSWORD);
        Path file = photo("markt.jpg", 900, 600);
        driver.get(url("/admin/startseite?lang=de"));
        driver.findElement(By.id("highlights0.title")).sendKeys("Fairer Kaffee");
        driver.findElement(By.id("highlights0.titleEn")).sendKeys("Fair coffee");
        driver.findElement(By.id("highlights0.text")).sendKeys("Im Rathaus");
        driver.findElement(By.id("highlights0.link")).sendKeys("/fairtrade");
        driver.findElement(By.id("highlights0.image")).sendKeys(file.toString());
        driver.findElement(By.id("highlights0.imageAlt")).sendKeys(ALT);
        driver.findElement(By.id("highlights0.imageAltEn")).sendKeys(ALT_EN);
        driver.findElement(By.cssSelector("button[name=vorschau]")).click();
        assertThat(await(By.id("preview-heading")).getText()).isEqualTo("Vorschau");
        assertThat(image(".preview img", ALT).getAttribute("src")).startsWith("data:image/jpeg;base64,");
        image(".preview [lang=en] img", ALT_EN);
        assertImagesLoaded("start page preview");
        Browser.assertNoAccessibilityViolations(driver);

        driver.findElement(By.id("highlights0.image")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("main form.form button.button:not([name])")).click();
        await(By.cssSelector("[role=status]"));
        assertThat(image("img.image-preview", ALT).isDisplayed()).isTrue();
        assertImagesLoaded("start page form");
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.cssSelector("button[name=vorschau]")).click();
        assertThat(image(".preview img", ALT).getAttribute("src")).contains("/admin/startseite/bilder/");
        assertImagesLoaded("start page preview of the stored image");
        Browser.assertNoAccessibilityViolations(driver);

        // the earlier versions (the built-in page) of the start page and a legal page
        for (String path : List.of("/admin/startseite/versionen", "/admin/rechtliches/impressum/versionen")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
        }
        driver.manage().deleteAllCookies();
        driver.get(url("/"));
        image("img.highlight-image", ALT);
        assertImagesLoaded("start page");
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/en/"));
        assertThat(image("img.highlight-image", ALT_EN).getDomAttribute("lang")).isNull();
        assertImagesLoaded("English start page");
        Browser.assertNoAccessibilityViolations(driver);
    }
}
