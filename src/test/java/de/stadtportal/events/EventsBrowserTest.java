package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The public event pages (on the demo data) as a browser shows them: WCAG 2.1 AA by axe-core, one h1. */
@BrowserTest
class EventsBrowserTest extends BrowserPages {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void forgetLanguageChoice() {
        driver.manage().deleteAllCookies();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/veranstaltungen", "/veranstaltungen?kategorie=handwerk&q=Fr%C3%BChst%C3%BCck",
            "/veranstaltungen?ansicht=monat&monat=2026-12", "/veranstaltungen/archiv",
            "/veranstaltungen/handwerker-fruehstueck", "/veranstaltungen/workshop-e-rechnung?lang=en",
            "/veranstaltungen/handwerker-fruehstueck/anmeldung", "/en/veranstaltungen/workshop-e-rechnung/anmeldung",
            "/veranstaltungen/abmelden?token=falsch", "/sprechtag", "/handwerk", "/handwerk?lang=en"})
    void pageHasNoWcagViolationsAndOneHeading(String path) {
        driver.get(url(path));
        Browser.assertNoAccessibilityViolations(driver);
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
    }

    @Test
    void registrationErrorsAreAccessibleNextToTheirFields() {
        driver.get(url("/veranstaltungen/handwerker-fruehstueck"));
        // the event's page links to the form on a page of its own
        driver.findElement(By.linkText("Zur Anmeldung")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("people")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Anmelden: Handwerker-Frühstück");
        driver.findElement(By.id("people")).clear();
        driver.findElement(By.id("people")).sendKeys("12");
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        // a loaded machine may still show the old page right after the click
        assertThat(new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("name-error"))).getText())
                .isEqualTo("Bitte füllen Sie dieses Feld aus.");
        assertThat(driver.findElement(By.id("people-error")).getText()).contains("1 bis 10");
        Browser.assertNoAccessibilityViolations(driver);
    }

    @Test
    void staffPagesOfPortraitsAndSprechtagAreAccessibleAlsoWithErrors() {
        TestAccounts accounts = new TestAccounts(jdbc, encoder);
        String password = "Gesichter des Handwerks 2026";
        try {
            String editor = accounts.create("EDITOR", password);
            logIn(editor, password);
            // the demo data: examples of portraits and Sprechtag experts
            long portrait = jdbc.queryForObject("SELECT min(id) FROM craft_portrait WHERE example", Long.class);
            long expert = jdbc.queryForObject("SELECT min(id) FROM consultation_expert", Long.class);
            for (String path : List.of("/konto", "/admin/handwerk/portraets", "/admin/handwerk/portraets/neu",
                    "/admin/handwerk/portraets/" + portrait, "/admin/handwerk/portraets?lang=en", "/admin/sprechtag?lang=de",
                    "/admin/sprechtag/experten/" + expert)) {
                driver.get(url(path));
                Browser.assertNoAccessibilityViolations(driver);
                assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
            }
            // an empty portrait: the messages stand next to their fields, still accessible
            driver.get(url("/admin/handwerk/portraets/neu"));
            driver.findElement(By.cssSelector("main form.form button[type=submit]")).click();
            assertThat(new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("name-error"))).getText())
                    .isEqualTo("Bitte füllen Sie dieses Feld aus.");
            assertThat(driver.findElement(By.id("text-error")).getText()).isEqualTo("Bitte füllen Sie dieses Feld aus.");
            Browser.assertNoAccessibilityViolations(driver);
        } finally {
            driver.manage().deleteAllCookies();
            accounts.deleteAll();
        }
    }
}
