package de.stadtportal.fairtrade;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Joining the network in a real browser, and every Fairtrade page (public, owner, staff) without WCAG violations. */
@BrowserTest
class FairtradeBrowserTest extends BrowserPages {

    static final String PASSWORD = "Fairer Kaffee aus Bottrop";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String tag;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM fairtrade_join_request WHERE organisation LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM fairtrade_member WHERE name LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM outbox_mail WHERE recipient LIKE ?", "%" + tag + "%");
        driver.manage().deleteAllCookies();
        accounts.deleteAll();
    }

    @Test
    void anOrganisationJoinsAndStaffAcceptIt() {
        for (String path : List.of("/fairtrade", "/fairtrade/einkaufen", "/fairtrade/einkaufen?produkt=COFFEE", "/fairtrade?lang=en",
                "/fairtrade/mitmachen?lang=de")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }
        driver.get(url("/fairtrade"));
        driver.findElement(By.linkText("Beim Netzwerk mitmachen")).click();
        await(By.id("organisation")).sendKeys("Posaunenchor " + tag);
        new Select(driver.findElement(By.id("kind"))).selectByValue("FAITH");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        // the error next to the field, the input kept, still accessible
        assertThat(await(By.id("email-error")).getText()).contains("Bitte füllen Sie dieses Feld aus.");
        assertThat(driver.findElement(By.id("organisation")).getAttribute("value")).isEqualTo("Posaunenchor " + tag);
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys("chor-" + tag + "@gemeinde.example");
        driver.findElement(By.id("message")).sendKeys("Faire Kollekte beim Sommerfest.");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(await(By.cssSelector(".message.success")).getText()).contains("Danke");
        Browser.assertNoAccessibilityViolations(driver);

        String staff = accounts.create("EDITOR", PASSWORD);
        logIn(staff, PASSWORD);
        driver.get(url("/admin/fairtrade"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Posaunenchor " + tag);
        driver.findElement(By.xpath("//li[contains(., 'Posaunenchor " + tag + "')]//button[contains(., 'Aufnehmen')]")).click();
        assertThat(await(By.cssSelector(".message.success")).getText()).contains("Aufgenommen");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ?", Long.class,
                "chor-" + tag + "@gemeinde.example")).isOne();
        driver.get(url("/fairtrade"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Posaunenchor " + tag);
    }

    @Test
    void staffAndOwnerPagesHaveNoWcagViolations() {
        String admin = accounts.create("ADMIN", PASSWORD);
        long member = jdbc.queryForObject("SELECT id FROM fairtrade_member ORDER BY id LIMIT 1", Long.class);
        logIn(admin, PASSWORD);
        for (String path : List.of("/admin/fairtrade", "/admin/fairtrade/auszeichnungen/neu", "/admin/fairtrade/ziele/neu",
                "/admin/fairtrade/mitglieder/neu", "/admin/fairtrade/mitglieder/" + member, "/admin/fairtrade/aktionen/neu",
                "/admin/fairtrade/steuerungsgruppe/neu", "/admin/fairtrade/presse/neu", "/admin/fairtrade/bericht",
                "/admin", "/konto/fairtrade", "/admin/fairtrade?lang=en")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }
        // a form with errors stays accessible
        driver.get(url("/admin/fairtrade/steuerungsgruppe/neu?lang=de"));
        driver.findElement(By.id("personName")).sendKeys("Erika Muster");
        driver.findElement(By.cssSelector("main form.form button[type=submit]")).click();
        assertThat(await(By.id("personName-error")).getText()).contains("Einwilligung");
        Browser.assertNoAccessibilityViolations(driver);
    }
}
