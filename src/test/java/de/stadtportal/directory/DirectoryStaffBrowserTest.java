package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.platform.PlatformConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The directory's upkeep pages pass axe-core (WCAG 2.1 AA), also when they show errors, and work by keyboard-free form posts. */
@BrowserTest
class DirectoryStaffBrowserTest extends BrowserPages {

    static final String PASSWORD = "Quartier Welheimer Mark";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String slug;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        slug = "test-axe-pflege-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id IN (SELECT id::text FROM business WHERE slug = ?)", slug);
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
        driver.manage().deleteAllCookies();
        accounts.deleteAll();
    }

    @Test
    void upkeepPagesHaveNoWcagViolations() {
        String admin = accounts.create("ADMIN", PASSWORD);
        jdbc.update("INSERT INTO business (slug, name, category_id, street, postal_code, status, last_confirmed_at) VALUES "
                + "(?, 'Gärtnerei Pflegetest', (SELECT id FROM category WHERE slug = 'handwerk'), 'Hochstraße 2', '46236', "
                + "'PUBLISHED', now())", slug);
        long id = jdbc.queryForObject("SELECT id FROM business WHERE slug = ?", Long.class, slug);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", id, admin);
        jdbc.update("INSERT INTO opening_exception (business_id, day, note) VALUES (?, ?, 'Inventur')",
                id, LocalDate.now(PlatformConfiguration.CITY_ZONE).plusDays(3));
        jdbc.update("INSERT INTO business_report (business_id, message) VALUES (?, 'Telefonnummer stimmt nicht')", id);

        driver.get(url("/unternehmen/" + slug + "/hinweis"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/mitmachen/uebernehmen?token=abgelaufen"));
        Browser.assertNoAccessibilityViolations(driver);

        logIn(admin, PASSWORD);
        for (String path : List.of("/unternehmen/" + slug, "/konto/eintraege", "/konto/eintraege/" + id + "/oeffnungszeiten",
                "/admin/unternehmen/alle", "/admin/unternehmen/" + id, "/admin/unternehmen/neu", "/admin/unternehmen/aenderungen",
                "/admin/unternehmen/hinweise", "/admin/unternehmen/verzeichnisse", "/admin/unternehmen/import",
                "/admin/unternehmen/themen", "/admin/unternehmen/themen/wlan", "/admin/unternehmen/" + id + "/oeffnungszeiten",
                "/admin/unternehmen/alle?lang=en")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }

        // a wrong time: the editor comes back with the message next to the field, still accessible
        driver.get(url("/konto/eintraege/" + id + "/oeffnungszeiten?lang=de"));
        // typing into a time field depends on the browser's locale; the value itself is what matters here
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '10:00'; arguments[1].value = '09:00';",
                driver.findElement(By.id("day1-opens1")), driver.findElement(By.id("day1-closes1")));
        driver.findElement(By.cssSelector("form.hours-form button[type=submit]")).click();
        WebElement error = await(By.id("day1-closes1-error"));
        assertThat(error.getText()).isEqualTo("Die Schließzeit muss nach der Öffnungszeit liegen.");
        assertThat(driver.findElement(By.id("day1-closes1")).getDomAttribute("aria-describedby")).isEqualTo("day1-closes1-error");
        Browser.assertNoAccessibilityViolations(driver);

        // an empty import shows its error next to the field
        driver.get(url("/admin/unternehmen/import"));
        driver.findElement(By.cssSelector("button[value=pruefen]")).submit();
        Browser.assertNoAccessibilityViolations(driver);
    }

    @Test
    void anImportOverTheSizeLimitStaysOnTheFormWithAGermanMessage() throws Exception {
        String editor = accounts.create("EDITOR", PASSWORD);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("unternehmen", ".csv");
        try {
            // the real server's multipart limit, not MockMvc: 6 MB of lines
            String line = "name;branche;strasse;plz\n" + "Zeile;handwerk;Hochstraße 1;46236\n".repeat(190_000);
            java.nio.file.Files.writeString(file, line);
            logIn(editor, PASSWORD);
            driver.get(url("/admin/unternehmen/import"));
            driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            driver.findElement(By.cssSelector("button[value=pruefen]")).click();
            WebElement error = await(By.id("file-error"));
            assertThat(error.getText()).isEqualTo("Die Datei ist größer als 5 MB. Bitte teilen Sie sie in mehrere Dateien.");
            Browser.assertNoAccessibilityViolations(driver);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

}
