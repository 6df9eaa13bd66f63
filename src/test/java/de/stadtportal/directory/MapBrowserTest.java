package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The maps as a visitor's browser loads them: after "Karte laden" every request to the portal
 * itself (Leaflet, its styles, marker images) must succeed. Tiles come from the internet and are
 * left out (tests run offline). Markers once pointed at /unternehmen/marker-icon.png, a 404.
 */
@BrowserTest
class MapBrowserTest extends BrowserPages {

    static final String PASSWORD = "Halde Haniel und Tetraeder";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(true);
    }

    @Test
    void mapOfSearchResultsLoadsEveryMarkerImage() {
        // one hit: a marker of its own, not a cluster
        assertMapLoadsCompletely("/unternehmen/karte?q=Kamphues");
    }

    @Test
    void mapOfOneBusinessLoadsItsMarkerImage() {
        assertMapLoadsCompletely("/unternehmen/baeckerei-kamphues");
    }

    /**
     * An owner places the pin with the keyboard alone: Tab to the pin, arrow keys move it (Shift: larger
     * steps), the plain fields follow, and after saving the business is on the public map.
     */
    @Test
    void ownerPlacesThePinWithTheKeyboardAndTheBusinessReachesTheMap() {
        TestAccounts accounts = new TestAccounts(jdbc, encoder);
        String name = "Pinnwand " + UUID.randomUUID().toString().substring(0, 8);
        try {
            String owner = accounts.create("BUSINESS", PASSWORD);
            long id = jdbc.queryForObject("""
                    INSERT INTO business (slug, name, category_id, street, postal_code, status)
                    VALUES (?, ?, (SELECT id FROM category WHERE slug = 'handwerk'), 'Hochstraße 1', '46236', 'PUBLISHED')
                    RETURNING id""", Long.class, "test-" + name.toLowerCase().replace(' ', '-'), name);
            jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", id, owner);
            logIn(owner, PASSWORD);
            driver.get(url("/konto/eintraege/" + id));
            assertThat(driver.findElement(By.cssSelector("fieldset.location")).getText()).contains("Adresse laut Eintrag: Hochstraße 1, 46236");
            Browser.failedRequests(driver, url(""));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("fieldset.location [data-map] button"))).click();
            WebElement pin = new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("fieldset.location img.leaflet-marker-icon")));
            assertThat(pin.getAttribute("alt")).isEqualTo("Stecknadel von " + name + ", mit den Pfeiltasten verschieben");
            Browser.assertNoAccessibilityViolations(driver);
            // keyboard only: the pin takes the focus from the element before it
            pin.sendKeys(Keys.ARROW_UP, Keys.ARROW_UP, Keys.ARROW_UP);
            pin.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
            assertThat(driver.switchTo().activeElement()).isEqualTo(pin);
            // the city's box is 51.47–51.66 / 6.82–7.03: the pin starts in its middle
            assertThat(driver.findElement(By.id("latitude")).getAttribute("value")).isEqualTo("51.565300");
            assertThat(driver.findElement(By.id("longitude")).getAttribute("value")).isEqualTo("6.926000");
            assertThat(driver.findElement(By.cssSelector("fieldset.location [aria-live]")).getText())
                    .isEqualTo("Stecknadel bei Breitengrad 51.565300, Längengrad 6.926000");
            assertThat(Browser.failedRequests(driver, url(""))).as("failed requests to the portal").isEmpty();
            driver.findElement(By.cssSelector("form.form .actions button[type=submit]")).click();
            await(By.cssSelector("[role=status]"));
            assertThat(jdbc.queryForObject("SELECT latitude::text || ' ' || longitude::text FROM business WHERE id = ?", String.class, id))
                    .isEqualTo("51.565300 6.926000");
            driver.get(url("/unternehmen/karte?q=" + name.replace(' ', '+')));
            assertThat(driver.findElement(By.id("map-list")).getText()).contains(name);
        } finally {
            jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id IN (SELECT id::text FROM business WHERE name = ?)", name);
            jdbc.update("DELETE FROM business WHERE name = ?", name);
            driver.manage().deleteAllCookies();
            accounts.deleteAll();
        }
    }

    private void assertMapLoadsCompletely(String path) {
        String origin = url("");
        driver.get(url(path));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-map] button"))).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("img.leaflet-marker-icon")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // every marker image has finished loading, with or without success
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) js.executeScript(
                "return Array.from(document.querySelectorAll('img.leaflet-marker-icon, img.leaflet-marker-shadow'))"
                        + ".every(i => i.complete);"));
        List<?> broken = (List<?>) js.executeScript(
                "return Array.from(document.querySelectorAll('img.leaflet-marker-icon, img.leaflet-marker-shadow'))"
                        + ".filter(i => i.naturalWidth === 0).map(i => i.src);");
        assertThat(broken).as("marker images that did not load").isEmpty();
        assertThat(Browser.failedRequests(driver, origin)).as("failed requests to the portal on " + path).isEmpty();
    }
}
