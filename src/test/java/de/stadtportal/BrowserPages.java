package de.stadtportal;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import de.stadtportal.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every {@link BrowserTest} class needs: one headless Chromium for the class, the address of
 * the portal under test, waiting for an element and logging in through the real login form.
 */
public abstract class BrowserPages {

    protected static WebDriver driver;

    @Autowired
    protected JdbcTemplate portalDatabase;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits for an element to be in the page (after a click the next page may still be loading). */
    protected static WebElement await(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /**
     * Waits until the browser is at an address containing {@code part}: after a click, an element such as
     * {@code main h1} is found in the page still shown as well, so waiting for it proves nothing.
     */
    protected static void awaitUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(part));
    }

    /**
     * Logs in with the login form, in German, and waits for the account page. Staff complete the
     * second factor the way a person does: the code from the mail (read from the outbox) and, on
     * the first login, the enrolment.
     */
    protected void logIn(String email, String password) {
        driver.get(url("/konto/anmelden?lang=de"));
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/konto/anmelden"));
        if (driver.getCurrentUrl().contains("/konto/zweiter-faktor")) {
            confirmSecondFactor(email);
        }
        driver.get(url("/konto"));
        await(By.linkText("Konto löschen"));
    }

    /** On the second-factor page: asks for the code, types it from the mail, and enrols if asked to. */
    protected void confirmSecondFactor(String email) {
        long before = mailsTo(email);
        await(By.cssSelector("form[action$='/konto/zweiter-faktor/senden'] button")).click();
        await(By.id("token"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> mailsTo(email) > before);
        driver.findElement(By.id("token")).sendKeys(new TestAccounts(portalDatabase, null).mailedCode(email));
        driver.findElement(By.cssSelector("form[action$='/konto/zweiter-faktor/pruefen'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/konto/zweiter-faktor/code"));
        if (driver.getCurrentUrl().contains("/konto/zweiter-faktor/einrichten")) {
            driver.findElement(By.id("saved")).click();
            driver.findElement(By.cssSelector("form[action$='/konto/zweiter-faktor/einrichten'] button")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/konto/zweiter-faktor"));
        }
    }

    private long mailsTo(String email) {
        return portalDatabase.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ?", Long.class, email);
    }
}
