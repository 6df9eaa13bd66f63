package de.stadtportal.skilledworkers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The Fachkräftesicherung's pages in a browser: axe-core clean, the inquiry sent through the real form. */
@BrowserTest
class SkilledWorkersBrowserTest extends BrowserPages {

    static final String PASSWORD = "Lotsenstelle am Rathaus 7";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String company;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        company = "Browserbetrieb " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Fachkräfte-Anfrage' AND entity_id IN "
                + "(SELECT id::text FROM skilled_inquiry WHERE company = ?)", company);
        jdbc.update("DELETE FROM outbox_mail WHERE body LIKE ?", "%" + company + "%");
        jdbc.update("DELETE FROM skilled_inquiry WHERE company = ?", company);
        driver.manage().deleteAllCookies();
        accounts.deleteAll();
    }

    @Test
    void publicPagesHaveNoWcagViolations() {
        for (String path : new String[] {"/fachkraefte", "/fachkraefte?lang=en", "/fachkraefte/anfrage"}) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        }
    }

    @Test
    void theArabicOrientationIsWrittenRightToLeftAndTheLayoutMirrors() {
        driver.get(url("/fachkraefte/orientierung/ar"));
        Browser.assertNoAccessibilityViolations(driver);
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        assertThat(js.executeScript("const a = document.querySelector('article.guide'); return [a.lang, a.dir, getComputedStyle(a).direction];"))
                .isEqualTo(java.util.List.of("ar", "rtl", "rtl"));
        // the rule beside each contact point stands on the right, where an Arabic line begins
        assertThat(js.executeScript("const li = document.querySelector('.guide-contacts li'); const s = getComputedStyle(li);"
                + " return [s.borderRightWidth, s.borderLeftWidth];")).isEqualTo(java.util.List.of("4px", "0px"));
        WebElement heading = driver.findElement(By.cssSelector("article.guide h1"));
        WebElement article = driver.findElement(By.cssSelector("article.guide"));
        assertThat(heading.getRect().getX() + heading.getRect().getWidth())
                .as("the heading starts at the right edge").isEqualTo(article.getRect().getX() + article.getRect().getWidth());
        for (String language : new String[] {"de", "einfach", "en", "uk"}) {
            driver.get(url("/fachkraefte/orientierung/" + language));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElement(By.cssSelector("article.guide")).getAttribute("dir")).isEqualTo("ltr");
        }
    }

    @Test
    void anEmployerAsksTheSupportPointWhichAnswersInItsInbox() {
        driver.get(url("/fachkraefte/anfrage?lang=de"));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.id("company-error"));
        Browser.assertNoAccessibilityViolations(driver);

        driver.findElement(By.id("company")).sendKeys(company);
        driver.findElement(By.id("contactName")).sendKeys("Erika Muster");
        driver.findElement(By.id("email")).sendKeys("browser-anfrage@test.example");
        driver.findElement(By.cssSelector("input[name=plan][value=JOB]")).click();
        driver.findElement(By.cssSelector("input[name=residence][value=UNKNOWN]")).click();
        driver.findElement(By.id("question")).sendKeys("Braucht es die Zustimmung der Agentur für Arbeit?");
        driver.findElement(By.id("consent1")).click();
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.className("status-value"));
        assertThat(driver.getCurrentUrl()).contains("/fachkraefte/anfrage/status/");
        assertThat(driver.findElement(By.className("status-value")).getText()).isEqualTo("neu");
        Browser.assertNoAccessibilityViolations(driver);
        jdbc.update("DELETE FROM outbox_mail WHERE recipient = 'browser-anfrage@test.example'");

        String supportPoint = accounts.create("SUPPORT_POINT", PASSWORD);
        logIn(supportPoint, PASSWORD);
        driver.findElement(By.linkText("Lotsenstelle")).click();
        await(By.linkText(company)).click();
        await(By.id("notes"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.id("notes")).sendKeys("Agentur anrufen");
        driver.findElement(By.cssSelector("input[name=status][value=FORWARDED]")).click();
        driver.findElement(By.cssSelector("form[action$='" + idOf() + "'] button[type=submit]")).click();
        await(By.id("forwardedTo-error"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/admin/fachkraefte/anfragen"));
        Browser.assertNoAccessibilityViolations(driver);
    }

    @Test
    void staffPagesForOrientationHaveNoWcagViolations() {
        String editor = accounts.create("EDITOR", PASSWORD);
        logIn(editor, PASSWORD);
        driver.get(url("/admin/fachkraefte"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.partialLinkText("Ausbildungsduldung")).click();
        await(By.id("body"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.id("title")).clear();
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.id("title-error"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/admin/fachkraefte"));
        driver.findElement(By.partialLinkText("Handwerkskammer")).click();
        await(By.id("helpsWith"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/admin/fachkraefte/orientierung/ar"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.get(url("/admin/fachkraefte/angebote"));
        Browser.assertNoAccessibilityViolations(driver);
    }

    private long idOf() {
        return jdbc.queryForObject("SELECT id FROM skilled_inquiry WHERE company = ?", Long.class, company);
    }
}
