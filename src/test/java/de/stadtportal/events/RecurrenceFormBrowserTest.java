package de.stadtportal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue #14: staff choose a recurrence (weekly on weekdays, monthly on the n-th weekday, every n days;
 * until a day or n times) instead of typing iCalendar; an endless daily series and cancelled days
 * outside the series are refused next to their fields, and the typed input stays.
 */
@BrowserTest
class RecurrenceFormBrowserTest extends BrowserPages {

    static final String PASSWORD = "Reihe um Reihe im Kalender";
    static final String SLUG = "browsertest-reihe";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;

    @AfterEach
    void cleanUp() {
        driver.manage().deleteAllCookies();
        jdbc.update("DELETE FROM event WHERE slug = ?", SLUG);
        if (accounts != null) {
            accounts.deleteAll();
        }
    }

    @Test
    void staffChooseARecurrenceAndTheFormWritesTheRule() {
        accounts = new TestAccounts(jdbc, encoder);
        String editor = accounts.create("EDITOR", PASSWORD);
        logIn(editor, PASSWORD);
        LocalDate monday = LocalDate.now(EventsTest.BERLIN).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        driver.get(url("/admin/veranstaltungen/neu?lang=de"));
        driver.findElement(By.id("title")).sendKeys("Browsertest Reihe");
        driver.findElement(By.id("slug")).sendKeys(SLUG);
        new Select(driver.findElement(By.id("category"))).selectByIndex(1);
        value("date", monday.toString());
        value("startTime", "08:00");
        value("endTime", "09:00");
        driver.findElement(By.id("placeName")).sendKeys("Rathaus");
        // every day, without an end: refused next to the end, the input kept
        new Select(driver.findElement(By.id("repeat"))).selectByValue("daily");
        submit();
        assertThat(await(By.id("ends-error")).getText()).contains("braucht ein Ende");
        assertThat(driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Browsertest Reihe");
        assertThat(new Select(driver.findElement(By.id("repeat"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("daily");
        Browser.assertNoAccessibilityViolations(driver);

        // weekly on Monday and Wednesday, six dates; a Tuesday is no date of the series
        new Select(driver.findElement(By.id("repeat"))).selectByValue("weekly");
        check("weekdays", "MO");
        check("weekdays", "WE");
        check("ends", "count");
        driver.findElement(By.id("count")).sendKeys("6");
        driver.findElement(By.id("exceptions")).sendKeys(monday.plusDays(1).toString());
        submit();
        assertThat(await(By.id("exceptions-error")).getText()).contains("keinen Termin", monday.plusDays(1).toString());
        assertThat(driver.findElement(By.id("count")).getDomProperty("value")).isEqualTo("6");

        // a Wednesday of the series is cancelled: saved, with the rule the choice makes
        driver.findElement(By.id("exceptions")).clear();
        driver.findElement(By.id("exceptions")).sendKeys(monday.plusDays(2).toString());
        submit();
        await(By.cssSelector(".message.success"));
        assertThat(jdbc.queryForObject("SELECT rrule FROM event WHERE slug = ?", String.class, SLUG))
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6");

        // the saved rule opens as the choice it was made with
        driver.navigate().refresh();
        assertThat(new Select(driver.findElement(By.id("repeat"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("weekly");
        assertThat(checkbox("weekdays", "MO").isSelected()).isTrue();
        assertThat(checkbox("weekdays", "WE").isSelected()).isTrue();
        assertThat(checkbox("weekdays", "FR").isSelected()).isFalse();
        assertThat(driver.findElement(By.id("count")).getDomProperty("value")).isEqualTo("6");

        // an existing monthly rule of the demo data (every first Wednesday) shows as such
        long breakfast = jdbc.queryForObject("SELECT id FROM event WHERE slug = 'handwerker-fruehstueck'", Long.class);
        driver.get(url("/admin/veranstaltungen/" + breakfast));
        assertThat(new Select(driver.findElement(By.id("repeat"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("monthly");
        assertThat(new Select(driver.findElement(By.id("ordinal"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("1");
        assertThat(new Select(driver.findElement(By.id("monthWeekday"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("WE");
        Browser.assertNoAccessibilityViolations(driver);
    }

    private void value(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private WebElement checkbox(String name, String value) {
        return driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    }

    private void check(String name, String value) {
        WebElement box = checkbox(name, value);
        if (!box.isSelected()) {
            box.click();
        }
    }

    private void submit() {
        WebElement form = driver.findElement(By.cssSelector("main form.form, main form[method=post]"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
