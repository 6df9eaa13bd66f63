package de.stadtportal.reallabor;

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

/** The staff pages of the Reallabore pass axe-core (WCAG 2.1 AA), also with errors next to the fields. */
@BrowserTest
class ReallaborStaffBrowserTest extends BrowserPages {

    static final String PASSWORD = "ein langes Test-Passwort 42";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM content_version WHERE kind IN ('Reallabor', 'Maßnahme')");
        if (accounts != null) {
            accounts.deleteAll();
        }
    }

    @Test
    void reallaborStaffPagesHaveNoWcagViolations() {
        accounts = new TestAccounts(jdbc, encoder);
        String editor = accounts.create("EDITOR", PASSWORD);
        long reallabor = jdbc.queryForObject("SELECT id FROM reallabor WHERE slug = 'hybride-formen-des-handels'", Long.class);
        long measure = jdbc.queryForObject("SELECT min(id) FROM measure WHERE reallabor_id = ?", Long.class, reallabor);
        long actor = jdbc.queryForObject("SELECT min(id) FROM actor", Long.class);
        logIn(editor, PASSWORD);
        for (String path : List.of("/admin/reallabore", "/admin/reallabore/" + reallabor,
                "/admin/reallabore/" + reallabor + "/versionen", "/admin/reallabore/" + reallabor + "/massnahmen/neu",
                "/admin/reallabore/massnahmen/" + measure, "/admin/reallabore/massnahmen/" + measure + "/versionen",
                "/admin/reallabore/verzeichnisse", "/admin/reallabore/verzeichnisse/akteure/" + actor,
                "/admin/reallabore/verzeichnisse/megatrends/neu", "/admin/reallabore/massnahmen/" + measure + "?lang=en",
                "/admin/reallabore/uebersicht", "/admin/reallabore/uebersicht/versionen", "/admin/reallabore/uebersicht?lang=en")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }

        // an empty title and a wrong date come back next to their fields, still accessible
        driver.get(url("/admin/reallabore/massnahmen/" + measure + "?lang=de"));
        driver.findElement(By.id("title")).clear();
        driver.findElement(By.id("results0.dated")).clear();
        driver.findElement(By.id("results0.dated")).sendKeys("2021-13");
        driver.findElement(By.cssSelector("main form.form button[type=submit]")).click();
        assertThat(await(By.id("title-error")).getText()).isEqualTo("Bitte füllen Sie dieses Feld aus.");
        assertThat(await(By.id("results0.dated-error")).getText()).startsWith("Bitte geben Sie ein Datum");
        Browser.assertNoAccessibilityViolations(driver);
    }
}
