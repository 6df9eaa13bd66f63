package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #14 "search that understands", as a visitor types it into the directory's search box (demo data):
 * no typo padding, a district in the query narrows, English words on the English page.
 */
@BrowserTest
class SearchBrowserTest extends BrowserPages {

    @AfterEach
    void cleanUp() {
        driver.manage().deleteAllCookies();
    }

    @Test
    void aVisitorTypesWhatTheyLookForAndFindsIt() {
        assertThat(search("/unternehmen", "Bäckerei")).containsExactlyInAnyOrder("Bäckerei Kamphues", "Bäckerei Tenhumberg");
        assertThat(search("/unternehmen", "kirchhellen bäckerei")).containsExactly("Bäckerei Tenhumberg");
        Browser.assertNoAccessibilityViolations(driver);
        // the placeholder's own examples on the English page
        assertThat(search("/en/unternehmen", "bakery")).containsExactlyInAnyOrder("Bäckerei Kamphues", "Bäckerei Tenhumberg");
        assertThat(search("/en/unternehmen", "bicycle")).contains("Fahrradhaus Prosper");
        assertThat(driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo("bicycle");
    }

    private List<String> search(String path, String query) {
        driver.get(url(path));
        WebElement box = driver.findElement(By.id("q"));
        box.clear();
        box.sendKeys(query);
        box.submit();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("q="));
        await(By.id("results"));
        return driver.findElements(By.cssSelector(".results-list h3 a")).stream().map(WebElement::getText).toList();
    }
}
