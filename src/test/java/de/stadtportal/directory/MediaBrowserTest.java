package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Maps load only on request and stay accessible; owners upload images through the real server, limits included. */
@BrowserTest
class MediaBrowserTest extends BrowserPages {

    static final String PASSWORD = "Halde Haniel und Tetraeder";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String slug;
    Path folder;

    @BeforeEach
    void setUp() throws IOException {
        accounts = new TestAccounts(jdbc, encoder);
        slug = "test-browser-bilder-" + UUID.randomUUID().toString().substring(0, 8);
        folder = Files.createTempDirectory("bilder");
    }

    @AfterEach
    void cleanUp() throws IOException {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id IN (SELECT id::text FROM business WHERE slug = ?)", slug);
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
        driver.manage().deleteAllCookies();
        accounts.deleteAll();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Test
    void mapsLoadOnlyAfterTheButtonAndHaveNoWcagViolations() {
        driver.get(url("/unternehmen/karte?kategorie=lebensmittel"));
        WebElement button = awaitVisible(By.cssSelector("[data-map] button"));
        assertThat(button.getText()).isEqualTo("Karte laden");
        assertThat(driver.findElements(By.cssSelector(".leaflet-container"))).isEmpty();
        Browser.assertNoAccessibilityViolations(driver);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        button.click();
        awaitVisible(By.cssSelector(".map-canvas.leaflet-container"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector(".leaflet-marker-icon")).isEmpty());
        Browser.assertNoAccessibilityViolations(driver);
        assertThat(driver.findElements(By.cssSelector("img.leaflet-tile")).get(0).getAttribute("src"))
                .startsWith("https://tile.openstreetmap.org/");
        assertThat((List<?>) js.executeScript("return window.cspViolations;")).as("CSP violations").isEmpty();

        driver.get(url("/unternehmen/baeckerei-kamphues"));
        Browser.assertNoAccessibilityViolations(driver);
        awaitVisible(By.cssSelector("[data-map] button")).click();
        awaitVisible(By.cssSelector(".leaflet-marker-icon"));
        assertThat(driver.findElement(By.cssSelector(".leaflet-marker-icon")).getAttribute("alt")).isEqualTo("Bäckerei Kamphues");
        Browser.assertNoAccessibilityViolations(driver);
    }

    @Test
    void ownerUploadsAPhotoAndATooLargeFileIsRefusedOnTheForm() throws Exception {
        String owner = accounts.create("BUSINESS", PASSWORD);
        long id = jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES (?, 'Fotostudio Test', (SELECT id FROM category WHERE slug = 'dienstleistung'), 'Teststraße 1', '46236', 'PUBLISHED')
                RETURNING id""", Long.class, slug);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", id, owner);
        logIn(owner, PASSWORD);

        driver.get(url("/konto/eintraege/" + id + "/bilder"));
        Browser.assertNoAccessibilityViolations(driver);
        Path photo = folder.resolve("foto.jpg");
        Files.write(photo, ListingImagesTest.jpeg(2400, 1200));
        driver.findElement(By.id("foto-datei")).sendKeys(photo.toString());
        driver.findElement(By.id("foto-alt")).sendKeys("Das Studio von außen");
        driver.findElement(By.cssSelector("#foto-alt ~ * button, form:has(#foto-alt) button[type=submit]")).click();
        assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).contains("Das Foto wurde gespeichert.");
        Browser.assertNoAccessibilityViolations(driver);

        Path big = folder.resolve("gross.jpg");
        byte[] bytes = new byte[6 * 1024 * 1024];
        System.arraycopy(ListingImagesTest.jpeg(50, 50), 0, bytes, 0, 100);
        Files.write(big, bytes);
        driver.findElement(By.id("foto-datei")).sendKeys(big.toString());
        driver.findElement(By.id("foto-alt")).sendKeys("Zu groß");
        driver.findElement(By.cssSelector("form:has(#foto-alt) button[type=submit]")).click();
        assertThat(awaitVisible(By.id("foto-datei-error")).getText()).contains("größer als 5 MB");
        // what was typed with the file comes back with the refusal
        assertThat(driver.findElement(By.id("foto-alt")).getAttribute("value")).isEqualTo("Zu groß");
        Browser.assertNoAccessibilityViolations(driver);

        driver.get(url("/unternehmen/" + slug));
        WebElement image = awaitVisible(By.cssSelector(".photo-gallery img"));
        assertThat(image.getAttribute("alt")).isEqualTo("Das Studio von außen");
        // visible is not loaded (a lazy image, a busy machine): wait for the picture itself, then check it
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript("arguments[0].scrollIntoView();", image);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                script.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        assertThat(((Number) script.executeScript("return arguments[0].naturalWidth;", image)).intValue()).isEqualTo(1600);
        Browser.assertNoAccessibilityViolations(driver);
    }

    private static WebElement awaitVisible(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

}
