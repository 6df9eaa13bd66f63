package de.stadtportal.news;

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

/** The news pages, public and for staff (with a preview and with errors next to the fields), pass axe-core (WCAG 2.1 AA). */
@BrowserTest
class NewsBrowserTest extends BrowserPages {

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
    void newsPagesHaveNoWcagViolations() {
        String slug = jdbc.queryForObject("SELECT slug FROM news WHERE publish_at <= now() ORDER BY publish_at DESC LIMIT 1", String.class);
        long id = jdbc.queryForObject("SELECT id FROM news WHERE slug = ?", Long.class, slug);
        for (String path : List.of("/aktuelles", "/aktuelles?thema=fairtrade&lang=en", "/aktuelles/" + slug, "/aktuelles/" + slug + "?lang=en")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
        }
        accounts = new TestAccounts(jdbc, encoder);
        String editor = accounts.create("EDITOR", PASSWORD);
        logIn(editor, PASSWORD);
        for (String path : List.of("/admin/aktuelles", "/admin/aktuelles/neu", "/admin/aktuelles/" + id, "/admin/aktuelles/" + id + "?lang=en")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }

        // the preview of the item as it stands
        driver.get(url("/admin/aktuelles/" + id + "?lang=de"));
        driver.findElement(By.cssSelector("button[name=vorschau]")).click();
        assertThat(await(By.id("preview-heading")).getText()).isEqualTo("Vorschau");
        Browser.assertNoAccessibilityViolations(driver);

        // an empty title comes back next to its field
        driver.get(url("/admin/aktuelles/neu?lang=de"));
        driver.findElement(By.id("teaser")).sendKeys("Ein Anreißer");
        driver.findElement(By.id("body")).sendKeys("Ein Text");
        driver.findElement(By.cssSelector("main form.form button.button:not([name])")).click();
        assertThat(await(By.id("title-error")).getText()).isEqualTo("Bitte füllen Sie dieses Feld aus.");
        Browser.assertNoAccessibilityViolations(driver);
    }
}
