package de.stadtportal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every {@link BrowserTest} class needs: one headless Chromium for the class, the address of
 * the portal under test, waiting for an element and logging in through the real login form.
 */
public abstract class BrowserPages {

    private static final Pattern SECOND_FACTOR_CODE = Pattern.compile("zweiter-faktor/code\\?token=([0-9a-f-]{36})");

    protected static WebDriver driver;

    @Autowired
    private JdbcTemplate portalDatabase;

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
     * Logs in with the login form, in German, and waits for the account page. Staff then confirm
     * the login with the code mailed to them (read from the outbox, as they would from their
     * mailbox), so the staff area is open afterwards.
     */
    protected void logIn(String email, String password) {
        driver.get(url("/konto/anmelden?lang=de"));
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.linkText("Konto löschen"));
        if (Boolean.TRUE.equals(portalDatabase.queryForObject("SELECT EXISTS (SELECT 1 FROM account a JOIN account_role r "
                + "ON r.account_id = a.id WHERE a.email = ? AND r.role IN ('EDITOR', 'ADMIN'))", Boolean.class, email))) {
            confirmSecondFactor(email);
        }
    }

    /** The second factor of staff: asks for the code, reads it from the mail and enters it; waits for the staff area. */
    protected void confirmSecondFactor(String email) {
        driver.get(url("/konto/zweiter-faktor?lang=de"));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.id("token")).sendKeys(lastSecondFactorCode(email));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
    }

    protected String lastSecondFactorCode(String email) {
        String body = portalDatabase.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, email);
        Matcher code = SECOND_FACTOR_CODE.matcher(body);
        if (!code.find()) {
            throw new AssertionError("no code in the last mail to " + email + ": " + body);
        }
        return code.group(1);
    }
}
