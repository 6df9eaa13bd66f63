package de.stadtportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The new pages pass axe-core (WCAG 2.1 AA), the search works from the header box, and the header fits 320 px. */
@BrowserTest
class FindabilityBrowserTest extends BrowserPages {

    static final String PASSWORD = "Barrierefreie Zechenstadt";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
    }

    @AfterEach
    void cleanUp() {
        driver.manage().deleteAllCookies();
        accounts.deleteAll();
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Barriere-Meldung'");
        jdbc.update("DELETE FROM barrier_report WHERE description LIKE 'Browsertest%'");
    }

    @Test
    void newPublicPagesHaveNoWcagViolations() {
        for (String path : List.of("/suche", "/suche?q=Handwerk", "/suche?q=Handwerk&art=event", "/suche?q=nichtsgefundenxyz",
                "/en/suche?q=Reallabor", "/leichte-sprache", "/en/leichte-sprache", "/barriere-melden",
                "/barrierefreiheit")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }
        // the language lives in the address: an English page is English without any cookie
        driver.get(url("/en/barrierefreiheit"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        driver.get(url("/leichte-sprache?lang=de"));
        assertThat(driver.findElement(By.cssSelector("main .easy")).getDomAttribute("lang")).isEqualTo("de");
    }

    @Test
    void theHeaderSearchBoxLeadsToThePortalWideSearch() {
        driver.get(url("/impressum?lang=de"));
        driver.findElement(By.id("site-search")).sendKeys("Sprechtag");
        driver.findElement(By.cssSelector(".header-search button")).click();
        await(By.id("group-craft"));
        assertThat(driver.getCurrentUrl()).contains("/suche?q=Sprechtag");
        assertThat(driver.findElement(By.cssSelector(".search-results mark")).getText()).containsIgnoringCase("Sprechtag");
    }

    @Test
    void anEmptyBarrierReportShowsItsErrorAccessiblyAndStaffPagesPassAxe() {
        driver.get(url("/barriere-melden?lang=de"));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.id("description-error"));
        Browser.assertNoAccessibilityViolations(driver);

        driver.findElement(By.id("description")).sendKeys("Browsertest: Kontrast zu schwach");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.cssSelector(".message.success"));
        long id = jdbc.queryForObject("SELECT id FROM barrier_report WHERE description LIKE 'Browsertest%'", Long.class);

        String editor = accounts.create("EDITOR", PASSWORD);
        logIn(editor, PASSWORD);
        for (String path : List.of("/admin/barrieren", "/admin/barrieren?status=NEW", "/admin/barrieren/" + id)) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
        }
    }

    @Test
    void theHeaderWithNavigationAndSearchFitsA320PixelScreen() {
        driver.manage().window().setSize(new Dimension(320, 800));
        try {
            for (String path : List.of("/suche?q=Handwerk", "/leichte-sprache", "/")) {
                driver.get(url(path));
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
