package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;

import de.stadtportal.Browser;
import de.stadtportal.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public event pages (on the demo data) as a browser shows them: WCAG 2.1 AA by axe-core, one h1. */
@BrowserTest
class EventsBrowserTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterEach
    void forgetLanguageChoice() {
        driver.manage().deleteAllCookies();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/veranstaltungen", "/veranstaltungen?kategorie=handwerk&q=Fr%C3%BChst%C3%BCck",
            "/veranstaltungen?ansicht=monat&monat=2026-12", "/veranstaltungen/archiv",
            "/veranstaltungen/handwerker-fruehstueck", "/veranstaltungen/workshop-e-rechnung?lang=en",
            "/veranstaltungen/abmelden?token=falsch", "/sprechtag", "/handwerk", "/handwerk?lang=en"})
    void pageHasNoWcagViolationsAndOneHeading(String path) {
        driver.get("http://localhost:" + port + path);
        Browser.assertNoAccessibilityViolations(driver);
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
    }

    @Test
    void registrationErrorsAreAccessibleNextToTheirFields() {
        driver.get("http://localhost:" + port + "/veranstaltungen/handwerker-fruehstueck");
        driver.findElement(By.id("people")).clear();
        driver.findElement(By.id("people")).sendKeys("12");
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        assertThat(driver.findElement(By.id("name-error")).getText()).isEqualTo("Bitte füllen Sie dieses Feld aus.");
        assertThat(driver.findElement(By.id("people-error")).getText()).contains("1 bis 10");
        Browser.assertNoAccessibilityViolations(driver);
    }
}
