package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A business signs up in five fields, sets its password from the mailed link with "show password", and logs in. */
@BrowserTest
class JoinBrowserTest extends BrowserPages {

    static final String PASSWORD = "Malakoffturm und Halde 1872";
    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/konto/bestaetigen\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    String name = "Browser-Rösterei " + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE name = ?", name);
        new TestAccounts(jdbc, encoder).deleteAll();
        driver.manage().deleteAllCookies();
    }

    @Test
    void fiveFieldsThenThePasswordFromTheMailedLink() {
        String email = "join-" + UUID.randomUUID() + "@test.example";
        TestAccounts accounts = new TestAccounts(jdbc, encoder);
        accounts.track(email);

        driver.get(url("/mitmachen"));
        assertThat(driver.findElements(By.cssSelector("main form input:not([type=hidden]), main form select, main form textarea")))
                .hasSize(5);
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("category"))).selectByValue("gastronomie");
        driver.findElement(By.id("street")).sendKeys("Hochstraße 12");
        driver.findElement(By.id("postalCode")).sendKeys("12345");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(await(By.id("postalCode-error")).getText()).contains("46236–46244");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
        Browser.assertNoAccessibilityViolations(driver);

        driver.findElement(By.id("postalCode")).clear();
        driver.findElement(By.id("postalCode")).sendKeys("46236");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        awaitUrl("/mitmachen/danke");
        assertThat(driver.getCurrentUrl()).endsWith("/mitmachen/danke");

        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, email);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        driver.get(url(link.group(1)));
        Browser.assertNoAccessibilityViolations(driver);
        WebElement password = driver.findElement(By.id("password"));
        assertThat(driver.findElements(By.id("passwordRepeat"))).isEmpty();
        password.sendKeys(PASSWORD);
        WebElement reveal = driver.findElement(By.cssSelector("button.reveal-password"));
        assertThat(reveal.getText()).isEqualTo("Passwort anzeigen");
        reveal.click();
        assertThat(password.getAttribute("type")).isEqualTo("text");
        assertThat(reveal.getAttribute("aria-pressed")).isEqualTo("true");
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(await(By.cssSelector("[role=status]")).getText()).contains("Passwort gespeichert");

        logIn(email, PASSWORD);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(email);
    }
}
