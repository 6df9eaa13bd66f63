package de.stadtportal.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The editors of the start page and the legal pages pass axe-core (WCAG 2.1 AA), also with errors next to the fields. */
@BrowserTest
class ContentEditorsBrowserTest extends BrowserPages {

    static final String PASSWORD = "ein langes Test-Passwort 42";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;

    @AfterEach
    void cleanUp() {
        if (accounts != null) {
            accounts.deleteAll();
        }
    }

    @Test
    void contentEditorsHaveNoWcagViolations() {
        accounts = new TestAccounts(jdbc, encoder);
        String editor = accounts.create("EDITOR", PASSWORD);
        logIn(editor, PASSWORD);
        for (String path : List.of("/admin/startseite", "/admin/rechtliches", "/admin/rechtliches/impressum",
                "/admin/rechtliches/barrierefreiheit?lang=en", "/admin/seitentexte", "/admin/seitentexte/handwerk",
                "/admin/seitentexte/fachkraefte?lang=en", "/admin/unternehmen/themen/gutschein",
                "/admin/unternehmen/themen/gutschein/versionen")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }

        // a highlight without its link and a section number given twice come back next to their fields
        driver.get(url("/admin/startseite?lang=de"));
        driver.findElement(By.id("highlights0.title")).sendKeys("Fairer Kaffee");
        driver.findElement(By.id("highlights0.text")).sendKeys("Im Rathaus");
        driver.findElement(By.id("orderNews")).clear();
        driver.findElement(By.id("orderNews")).sendKeys("1");
        driver.findElement(By.cssSelector("main form.form button[type=submit]")).click();
        assertThat(await(By.id("highlights0.link-error")).getText()).isEqualTo("Bitte füllen Sie dieses Feld aus.");
        assertThat(driver.findElement(By.id("orderNews-error")).getText()).contains("nur einmal");
        Browser.assertNoAccessibilityViolations(driver);

        // Seitentexte: a heading without the placeholder of its built-in text comes back next to its field
        driver.get(url("/admin/seitentexte/gutschein?lang=de"));
        driver.findElement(By.id("texts7.de")).clear();
        driver.findElement(By.id("texts7.de")).sendKeys("Hier gilt der Gutschein");
        driver.findElement(By.cssSelector("main form.form button[type=submit]")).click();
        assertThat(await(By.id("texts7.de-error")).getText()).contains("Platzhalter {0} fehlt");
        Browser.assertNoAccessibilityViolations(driver);
    }
}
