package de.stadtportal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A business signs up, confirms, logs in and out, in a real browser against a real server. */
@BrowserTest
class AccountBrowserTest extends BrowserPages {

    static final String PASSWORD = "Bottroper Hütte 1894 Kohle";
    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/konto/bestaetigen\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE slug = 'test-axe-wartet'");
        driver.manage().deleteAllCookies();
        accounts.deleteAll();
    }

    /**
     * The staff's second factor as a person meets it: password, the code from the mail (read from
     * the outbox), the enrolment with recovery codes, and on the next login a recovery code instead
     * of the mail.
     */
    @Test
    void staffConfirmTheMailedCodeSaveRecoveryCodesAndLaterUseOne() {
        String editor = accounts.create("EDITOR", PASSWORD);
        driver.get(url("/konto/anmelden?lang=de"));
        driver.findElement(By.id("username")).sendKeys(editor);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        awaitUrl("/konto/zweiter-faktor");
        assertThat(await(By.tagName("h1")).getText()).isEqualTo("Anmeldung bestätigen");
        assertThat(driver.findElements(By.id("code"))).as("no recovery codes before the enrolment").isEmpty();
        Browser.assertNoAccessibilityViolations(driver);

        driver.findElement(By.cssSelector("form[action$='/konto/zweiter-faktor/senden'] button")).click();
        await(By.id("token"));
        assertThat(driver.findElement(By.cssSelector(".message.success")).getText()).contains("Wir haben Ihnen einen Code geschickt");
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.id("token")).sendKeys(accounts.mailedCode(editor));
        driver.findElement(By.cssSelector("form[action$='/konto/zweiter-faktor/pruefen'] button")).click();

        await(By.cssSelector("ol.recovery-codes"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Zweiten Faktor einrichten");
        java.util.List<String> codes = driver.findElements(By.cssSelector("ol.recovery-codes code")).stream()
                .map(code -> code.getText()).toList();
        assertThat(codes).hasSize(10);
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.id("saved")).click();
        driver.findElement(By.cssSelector("form[action$='/konto/zweiter-faktor/einrichten'] button")).click();
        awaitUrl("/admin");

        driver.manage().deleteAllCookies();
        driver.get(url("/konto/anmelden?lang=de"));
        driver.findElement(By.id("username")).sendKeys(editor);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.id("code")).sendKeys(codes.get(0));
        driver.findElement(By.cssSelector("form[action$='/konto/zweiter-faktor/wiederherstellung'] button")).click();
        awaitUrl("/admin");
        assertThat(driver.getCurrentUrl()).doesNotContain("zweiter-faktor");
    }

    @Test
    void businessSignsUpReadsTheMailConfirmsLogsInAndOut() {
        String email = "browser-" + UUID.randomUUID() + "@test.example";
        accounts.track(email);

        driver.get(url("/konto/registrieren"));
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("zu kurz");
        driver.findElement(By.id("passwordRepeat")).sendKeys("zu kurz");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(await(By.id("password-error")).getText()).contains("mindestens 12 Zeichen");
        assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
        Browser.assertNoAccessibilityViolations(driver);

        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("passwordRepeat")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.cssSelector("h1.signed-up"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Bitte bestätigen Sie Ihre E-Mail-Adresse");

        String body = jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, email);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        driver.get(url(link.group(1)));
        Browser.assertNoAccessibilityViolations(driver);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(await(By.cssSelector("[role=status]")).getText()).contains("bestätigt");

        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        await(By.linkText("Konto löschen"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mein Konto");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(email);
        Browser.assertNoAccessibilityViolations(driver);

        driver.findElement(By.cssSelector("header form.inline button[type=submit]")).click();
        assertThat(await(By.cssSelector("[role=status]")).getText()).contains("abgemeldet");
        driver.get(url("/konto"));
        assertThat(driver.getCurrentUrl()).endsWith("/konto/anmelden");
    }

    @Test
    void staffAndAccountPagesHaveNoWcagViolations() {
        String admin = accounts.create("ADMIN", PASSWORD);
        jdbc.update("INSERT INTO outbox_mail (recipient, subject, body) VALUES (?, 'Prüfung', 'Text')", admin);
        jdbc.update("INSERT INTO business (slug, name, category_id, street, postal_code, status) VALUES "
                + "('test-axe-wartet', 'Wartender Betrieb', (SELECT id FROM category WHERE slug = 'handwerk'), 'Hochstraße 2', '46236', 'PENDING')");
        long listing = jdbc.queryForObject("SELECT id FROM business WHERE slug = 'test-axe-wartet'", Long.class);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", listing, admin);
        logIn(admin, PASSWORD);
        long mailId = jdbc.queryForObject("SELECT max(id) FROM outbox_mail WHERE recipient = ?", Long.class, admin);
        for (String path : java.util.List.of("/konto", "/konto/passwort", "/konto/email", "/konto/loeschen", "/admin",
                "/admin/konten", "/admin/postausgang", "/admin/postausgang/" + mailId, "/admin/protokoll",
                "/admin/protokoll?from=kein-datum", "/admin/statistik", "/admin?lang=en", "/admin/unternehmen", "/konto/eintraege", "/konto/eintraege/" + listing)) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
            assertThat(driver.findElements(By.tagName("h1"))).as(path).hasSize(1);
        }
        driver.manage().deleteAllCookies();
        for (String path : java.util.List.of("/konto/passwort-vergessen", "/konto/registriert", "/konto/bestaetigen?token=x")) {
            driver.get(url(path));
            Browser.assertNoAccessibilityViolations(driver);
        }
    }

    @Test
    void sessionIdChangesAtLoginAndSessionsLiveInPostgres() throws Exception {
        String email = accounts.create("BUSINESS", PASSWORD);
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        String loginPage = client.send(HttpRequest.newBuilder(URI.create(url("/konto/anmelden"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String before = sessionId(cookies);
        assertThat(before).isNotNull();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url("/konto/anmelden")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password=" + encode(PASSWORD)
                        + "&_csrf=" + encode(csrf.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/konto"));
        String after = sessionId(cookies);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class, email))
                .isEqualTo(1);

        HttpResponse<String> account = client.send(HttpRequest.newBuilder(URI.create(url("/konto"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(email);
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
