package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import de.stadtportal.Browser;
import de.stadtportal.BrowserPages;
import de.stadtportal.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The public pages as a browser shows them: WCAG 2.1 AA by axe-core, keyboard use, error pages. */
@BrowserTest
class PublicPagesBrowserTest extends BrowserPages {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/reallabore", "/reallabore/hybride-formen-des-handels",
            "/reallabore/digitale-koproduktion-im-handwerk", "/reallabore/fachkraeftesicherung",
            "/impressum", "/datenschutz", "/barrierefreiheit", "/konto/anmelden", "/gibt-es-nicht",
            "/reallabore?lang=en", "/reallabore/fachkraeftesicherung?lang=en",
            "/unternehmen", "/unternehmen?q=B%C3%A4ckerei&merkmal=gutschein&geoeffnet=true", "/unternehmen?q=nichtsgefunden",
            "/unternehmen/baeckerei-kamphues", "/unternehmen/cafe-tetraeder?lang=en", "/mitmachen", "/mitmachen/danke",
            "/gutschein", "/wochenmarkt", "/wlan",
            "/unternehmen/karte", "/unternehmen/karte?kategorie=lebensmittel&lang=en", "/unternehmen?q=%00"})
    void pageHasNoWcagViolationsAndOneHeading(String path) {
        driver.get(url(path));
        Browser.assertNoAccessibilityViolations(driver);
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
    }

    @AfterEach
    void forgetLanguageChoice() {
        driver.manage().deleteAllCookies();
    }

    @Test
    void skipLinkIsTheFirstThingTheKeyboardReachesAndLeadsToTheContent() {
        driver.get(url("/reallabore"));
        WebElement body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Zum Inhalt springen");
        assertThat(focused.isDisplayed()).isTrue();
        focused.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void reallaborPageIsUsableAt320PixelsWithoutHorizontalScrolling() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
        try {
            driver.get(url("/reallabore/hybride-formen-des-handels"));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Object widest = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "let w = null; for (const e of document.querySelectorAll('body *')) {"
                            + " if (e.getBoundingClientRect().right > document.documentElement.clientWidth + 1) w = e.outerHTML.slice(0, 120); }"
                            + " return w;");
            assertThat(((Number) overflow).intValue()).as("wider than the screen: %s", widest).isLessThanOrEqualTo(0);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void unknownPagesGetTheGerman404PageInTheLayout() throws Exception {
        for (String path : List.of("/gibt-es-nicht", "/reallabore/gibt-es-nicht")) {
            HttpResponse<String> response = fetch(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("<h1>Seite nicht gefunden</h1>", "Zum Inhalt springen", "href=\"/impressum\"");
        }
    }

    @Test
    void controlCharactersAndOddListIndexesGetThe400PageInTheLayout() throws Exception {
        for (String path : List.of("/unternehmen?q=%00", "/veranstaltungen.ics?kategorie=a%00b", "/unternehmen?merkmal[x]=1")) {
            HttpResponse<String> response = fetch(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).contains("<h1>Ungültige Anfrage</h1>", "Zum Inhalt springen");
        }
    }

    @Test
    void englishVisitorsGetTheEnglish404Page() throws Exception {
        HttpResponse<String> response = fetch("/gibt-es-nicht?lang=en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1>Page not found</h1>");
    }

    @Test
    void staffAreaRedirectsAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpResponse<String> response = fetch("/admin");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/konto/anmelden"));
    }

    /** The third request gets the page kept for visitors: it names its language as the rendered one did. */
    @Test
    void aPageKeptForVisitorsNamesItsLanguageAsTheRenderedOneDid() throws Exception {
        for (String path : List.of("/impressum?sprache-behalten=1", "/en/impressum?sprache-behalten=1")) {
            List<String> languages = new java.util.ArrayList<>();
            for (int request = 0; request < 3; request++) {
                languages.add(fetch(path).headers().firstValue("Content-Language").orElse("none"));
            }
            assertThat(languages).as(path).containsOnly(path.startsWith("/en/") ? "en" : "de");
        }
    }

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
